/**
 * Comments in a review session: an owner starts a thread on an element, a reviewer sees its marker
 * arrive live, opens it from the canvas and replies; the thread is resolved and reopened; a viewer
 * reads along without being able to write.
 */
import { nodeByLabel, openModel, snap } from "./canvas-helpers";
import { apiAs, expect, signedInContext, signIn, signUpViaApi, teamWithModel, test } from "./fixtures";

test.use({ viewport: { width: 1600, height: 1000 } });

test("a threaded comment on an element travels live between an owner, a reviewer and a viewer", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const alice = await signUpViaApi(request, baseURL, "comments-owner");
  const carol = await signUpViaApi(request, baseURL, "comments-reviewer");
  const erin = await signUpViaApi(request, baseURL, "comments-viewer");
  await signIn(page, alice.email, alice.password);
  const { modelId, modelName } = await teamWithModel(
    page,
    origin,
    [
      [carol, "REVIEWER"],
      [erin, "VIEWER"],
    ],
    { name: "Commented model", templateId: "rag-assistant" },
  );

  const carolSession = await signedInContext(browser, baseURL, carol.email, carol.password);
  const erinSession = await signedInContext(browser, baseURL, erin.email, erin.password);
  try {
    const carolPage = carolSession.page;
    const erinPage = erinSession.page;
    await openModel(page, modelId, modelName);
    await openModel(carolPage, modelId, modelName);
    await openModel(erinPage, modelId, modelName);
    for (const viewer of [page, carolPage, erinPage]) {
      await expect(viewer.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    }

    // Alice selects the chat API and comments on it from the Comments panel.
    await nodeByLabel(page, "Chat API").click();
    const toolbar = page.getByRole("toolbar", { name: "Editor" });
    await toolbar.getByRole("button", { name: "Comments" }).click();
    const panel = page.getByRole("region", { name: "Comments" });
    await expect(panel.getByLabel("Comment on")).toHaveValue(/^element:/);
    await panel.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(panel.getByText("Write a comment first.")).toBeVisible();
    await panel.getByLabel("Comment", { exact: true }).fill("Is this endpoint rate limited per API key?");
    // Looking at another element retargets the comment and keeps what was typed.
    const onChatApi = await panel.getByLabel("Comment on").inputValue();
    await nodeByLabel(page, "RAG orchestrator").click();
    await expect(panel.getByLabel("Comment on")).not.toHaveValue(onChatApi);
    await expect(panel.getByLabel("Comment", { exact: true })).toHaveValue(
      "Is this endpoint rate limited per API key?",
    );
    await nodeByLabel(page, "Chat API").click();
    await expect(panel.getByLabel("Comment on")).toHaveValue(onChatApi);
    await panel.getByRole("button", { name: "Comment", exact: true }).click();
    const thread = panel.getByRole("listitem", { name: "Thread on Chat API" });
    await expect(thread).toContainText("Is this endpoint rate limited per API key?");
    await expect(thread).toContainText("v1");
    await expect(toolbar.getByRole("button", { name: /Comments/ })).toContainText("1");

    // Carol sees the marker arrive on the element, opens the thread from it and replies.
    const marker = nodeByLabel(carolPage, "Chat API").getByRole("button", { name: /1 open comment thread/ });
    await expect(marker).toBeVisible();
    await marker.click();
    const carolPanel = carolPage.getByRole("region", { name: "Comments" });
    await expect(carolPanel.getByText("Threads on")).toContainText("Chat API");
    const carolThread = carolPanel.getByRole("listitem", { name: "Thread on Chat API" });
    await carolThread
      .getByLabel(`Reply to ${alice.name}`)
      .fill("Not yet: only a global limit. ATLAS AML.T0024 applies.");
    await carolThread.getByRole("button", { name: "Reply" }).click();
    await expect(carolThread).toContainText("only a global limit");
    await expect(thread).toContainText("only a global limit");
    await snap(carolPage, "comments-01-thread");

    // Erin reads it all but cannot write.
    await erinPage
      .getByRole("toolbar", { name: "Editor" })
      .getByRole("button", { name: /Comments/ })
      .click();
    const erinPanel = erinPage.getByRole("region", { name: "Comments" });
    await expect(erinPanel.getByRole("listitem", { name: "Thread on Chat API" })).toContainText(
      "only a global limit",
    );
    await expect(erinPanel.getByRole("form", { name: "New comment" })).toHaveCount(0);
    await expect(erinPanel.getByRole("button", { name: "Reply" })).toHaveCount(0);
    await expect(erinPanel.getByRole("button", { name: "Resolve" })).toHaveCount(0);

    // Alice resolves it: the marker goes for everyone and the thread folds under "Resolved".
    await thread.getByRole("button", { name: "Resolve" }).click();
    await expect(marker).toHaveCount(0);
    await expect(panel.getByText("Resolved (1)")).toBeVisible();
    await expect(erinPanel.getByText("Resolved (1)")).toBeVisible();

    // Carol reopens it: back to open, with its marker.
    await carolPanel.getByText("Resolved (1)").click();
    await carolPanel.getByRole("button", { name: "Reopen" }).click();
    await expect(carolPanel.getByText("Resolved (1)")).toHaveCount(0);
    await expect(
      nodeByLabel(page, "Chat API").getByRole("button", { name: /1 open comment thread/ }),
    ).toBeVisible();

    // After a reload, everything is still there (it lives in PostgreSQL).
    await page.reload();
    await expect(
      nodeByLabel(page, "Chat API").getByRole("button", { name: /1 open comment thread/ }),
    ).toBeVisible();

    // A thread on a threat shows in the threats table, and its marker opens it.
    const api = apiAs(page, origin);
    const model = (await (await api.get(`/api/v1/models/${modelId}`)).json()) as {
      headVersion: number;
      document: { elements: { id: string; label: string }[] };
    };
    const chatApi = model.document.elements.find((e) => e.label === "Chat API");
    const withThreat = {
      ...model.document,
      threats: [
        { id: "t-extraction", title: "Model extraction through the chat API", targetIds: [chatApi?.id] },
      ],
    };
    const saved = await api.post(`/api/v1/models/${modelId}/versions`, {
      baseVersion: model.headVersion,
      document: withThreat,
      message: "A threat to discuss",
    });
    expect(saved.status(), await saved.text()).toBe(201);
    const onThreat = await api.post(`/api/v1/models/${modelId}/comments`, {
      anchor: { kind: "threat", id: "t-extraction" },
      body: "Do we fingerprint query patterns?",
    });
    expect(onThreat.status(), await onThreat.text()).toBe(201);
    await carolPage.getByRole("tab", { name: "Threats" }).click();
    const row = carolPage.getByRole("row", { name: /Model extraction through the chat API/ });
    await row.getByRole("button", { name: /1 open comment thread/ }).click();
    await expect(carolPanel.getByText("Threads on")).toContainText("Model extraction through the chat API");
    await expect(carolPanel.getByRole("listitem", { name: /Thread on Model extraction/ })).toContainText(
      "Do we fingerprint query patterns?",
    );
  } finally {
    await carolSession.context.close();
    await erinSession.context.close();
  }
});
