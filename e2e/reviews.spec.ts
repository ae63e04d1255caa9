/**
 * Review and sign-off as a team does it: the author asks a board to review the head version; a
 * security and a privacy reviewer, each in their own browser, decide on the review page; quorum
 * signs it off; the model can go to production; the author's next change makes the approval stale
 * and the gate fails again; the ledger verifies throughout.
 */
import { snap } from "./canvas-helpers";
import { expect, signedInContext, signIn, signUpViaApi, teamWithModel, test } from "./fixtures";

test.use({ viewport: { width: 1600, height: 1000 } });

test("an author and two reviewers of different disciplines take a version through sign-off", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(150_000);
  // Three people: the author owns the workspace; the reviewers join it as reviewers.
  const author = await signUpViaApi(request, baseURL, "author");
  const security = await signUpViaApi(request, baseURL, "sec-reviewer");
  const privacy = await signUpViaApi(request, baseURL, "privacy-reviewer");
  await signIn(page, author.email, author.password);
  const { api, workspaceId, modelId, modelName } = await teamWithModel(
    page,
    origin,
    [
      [security, "REVIEWER"],
      [privacy, "REVIEWER"],
    ],
    { name: "Support assistant", templateId: "rag-assistant" },
  );
  const board = await api.post(`/api/v1/workspaces/${workspaceId}/boards`, {
    name: "Model risk board",
    members: [
      { userId: security.id, discipline: "SECURITY", role: "CHAIR" },
      { userId: privacy.id, discipline: "PRIVACY" },
    ],
    quorum: { approvals: 2, disciplines: ["SECURITY", "PRIVACY"] },
  });
  expect(board.status(), await board.text()).toBe(201);
  const boardView = (await board.json()) as { id: string };

  // The author asks for a review from the Sign-off panel.
  await page.goto(`/models/${modelId}`);
  await expect(page.getByRole("heading", { level: 1, name: modelName })).toBeVisible();
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Sign-off" }).click();
  const panel = page.getByRole("region", { name: "Review and sign-off" });
  await expect(panel.getByTestId("model-stage")).toHaveText("Draft");
  await expect(panel.getByTestId("gate")).toContainText("Fails");
  await panel.getByRole("button", { name: "Request review of version 1" }).click();
  await expect(panel.getByText("Review of version 1 requested.")).toBeVisible();
  await expect(panel.getByTestId("model-stage")).toHaveText("In review");
  const reviewLink = panel.getByRole("link", { name: "Version 1 · Model risk board" });
  await expect(reviewLink).toBeVisible();
  const reviewPath = (await reviewLink.getAttribute("href")) as string;

  // Each reviewer finds it in their inbox and decides in their own browser.
  for (const [reviewer, comment] of [
    [security, "Rate limiting and output filtering are in place."],
    [privacy, "No personal data leaves the backend."],
  ] as const) {
    const session = await signedInContext(browser, baseURL, reviewer.email, reviewer.password);
    try {
      await session.page.goto("/reviews");
      await session.page.getByRole("link", { name: `${modelName} · version 1` }).click();
      await expect(session.page).toHaveURL(new RegExp(`${reviewPath}$`));
      await expect(
        session.page.getByRole("heading", { name: "Review of version 1 · Model risk board" }),
      ).toBeVisible();
      const form = session.page.getByRole("form", { name: "Your decision" });
      await form.getByLabel("What can go wrong?").fill("Prompt injection through retrieved passages.");
      await form.getByLabel("Comment").fill(comment);
      if (reviewer === privacy) await snap(session.page, "review-page");
      await form.getByRole("button", { name: "Approve" }).click();
      await expect(session.page.getByText("Approved: recorded.")).toBeVisible();
      await expect(session.page.getByRole("list", { name: "Decisions" })).toContainText(comment);
    } finally {
      await session.context.close();
    }
  }

  // Quorum met: signed off, approved, and production is one click away.
  await page.reload();
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Sign-off" }).click();
  await expect(panel.getByTestId("model-stage")).toHaveText("Approved");
  await expect(panel.getByText("Approved · signed off")).toBeVisible();
  await expect(panel.getByTestId("gate")).toContainText("Passes");
  await panel.getByRole("button", { name: "Move to Production" }).click();
  await expect(panel.getByTestId("model-stage")).toHaveText("Production");
  await expect(panel.getByTestId("ledger-verification")).toContainText(/History verified · \d+ entries/);
  await snap(page, "sign-off-panel");

  // The author's next version makes the approval stale, and the gate fails again.
  const model = (await (await api.get(`/api/v1/models/${modelId}`)).json()) as {
    headVersion: number;
    document: { elements: { id: string; kind: string; label: string }[] };
  };
  const renamed = model.document.elements.find((e) => e.kind !== "trust-boundary") as { label: string };
  const saved = await api.post(`/api/v1/models/${modelId}/versions`, {
    baseVersion: model.headVersion,
    document: {
      ...model.document,
      elements: model.document.elements.map((e) => (e === renamed ? { ...e, label: `${e.label} v2` } : e)),
    },
    message: "Rename",
  });
  expect(saved.status(), await saved.text()).toBe(201);
  const gate = (await (await api.get(`/api/v1/models/${modelId}/gate`)).json()) as {
    pass: boolean;
    reasons: string[];
  };
  expect(gate.pass).toBe(false);
  expect(gate.reasons).toContain("Version 2 (the head) is not signed off by a review board");
  await page.goto(reviewPath);
  await expect(page.getByTestId("review-status")).toContainText("Stale: version 2 is the head now");

  // A review of version 2 shows, on its canvas, what changed since the signed-off version 1.
  const second = await api.post(`/api/v1/models/${modelId}/reviews`, { version: 2, boardId: boardView.id });
  expect(second.status(), await second.text()).toBe(201);
  const { id: secondId } = (await second.json()) as { id: string };
  await page.goto(`/reviews/${secondId}`);
  await expect(
    page.getByRole("heading", { name: /changed since version 1 \(last signed off\)/ }),
  ).toBeVisible();
  const reviewCanvas = page.getByTestId("review-canvas");
  await expect(reviewCanvas.locator(".react-flow__node.diff-changed")).toHaveCount(1);
  await expect(reviewCanvas.getByRole("button", { name: new RegExp(`${renamed.label} v2`) })).toBeVisible();
  await snap(page, "review-diff");
  // The header of the model says where it stands.
  await page.goto(`/models/${modelId}`);
  await expect(page.getByTestId("governance-chip")).toContainText("Production");
  await expect(page.getByTestId("governance-chip")).toContainText(/History verified · 9 entries/);

  const verify = (await (await api.get(`/api/v1/models/${modelId}/ledger/verify`)).json()) as {
    valid: boolean;
    entries: number;
  };
  expect(verify.valid).toBe(true);
  // requested, stage, 2 decisions, signed off, stage, stage (production), stale, requested (v2)
  expect(verify.entries).toBe(9);
});
