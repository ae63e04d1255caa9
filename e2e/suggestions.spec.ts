/**
 * From a template to a reviewed threat list: a new model from the RAG template (with a preview of
 * the parameters' effect), "Suggest threats" with a reason for each, accepting some with their
 * catalog mitigations, and the catalog browser.
 */
import { detailsPanel, nodeByLabel, snap } from "./canvas-helpers";
import { apiAs, createWorkspaceViaApi, expect, signIn, signUpViaApi, test, unique } from "./fixtures";

test.use({ viewport: { width: 1600, height: 1000 } });

type SavedDocument = {
  elements: { id: string; label: string }[];
  threats: { id: string; catalogId?: string; title: string; targetIds: string[] }[];
  mitigations: { catalogId?: string; status: string; threatIds: string[] }[];
};

test("creates a model from the RAG template, accepts suggested threats and finds their mitigations", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const account = await signUpViaApi(request, baseURL, "suggest");
  await signIn(page, account.email, account.password);
  const api = apiAs(page, origin);
  const workspaceId = await createWorkspaceViaApi(api, unique("RAG team"));
  await page.goto(`/w/${workspaceId}`);

  // New model from the template, with a live preview that follows the options.
  await page.getByRole("button", { name: "New threat model" }).click();
  const form = page.getByRole("form", { name: "New threat model" });
  const modelName = unique("Support assistant");
  await form.getByLabel("Model name").fill(modelName);
  await form.locator('input[name="start-from"][value="rag-assistant"]').check();
  const preview = form.getByTestId("template-preview");
  await expect(preview).toBeVisible();
  const before = await preview.getAttribute("aria-label");
  await form.getByRole("checkbox").first().click();
  await expect(preview).not.toHaveAttribute("aria-label", before ?? "");
  await form.getByRole("checkbox").first().click();
  await snap(page, "template-form");
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  const modelId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByRole("heading", { level: 1, name: modelName })).toBeVisible();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();

  // Suggestions, grouped by element, each with a reason naming the elements involved.
  await page.getByRole("button", { name: "Suggest threats" }).click();
  const panel = page.getByRole("region", { name: /Suggested threats/ });
  const items = panel.getByRole("listitem");
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  const first = items.first();
  await first.getByRole("button", { name: "Why?" }).click();
  const { document: initial } = (await (await api.get(`/api/v1/models/${modelId}`)).json()) as {
    document: SavedDocument;
  };
  const reason = await first.locator("p").filter({ hasText: /\w/ }).last().textContent();
  expect(
    initial.elements.some((e) => reason?.includes(e.label)),
    `reason: ${reason}`,
  ).toBe(true);
  await snap(page, "suggestions");

  // Accept two, skip one.
  await first.getByRole("button", { name: /^Accept / }).click();
  await items
    .first()
    .getByRole("button", { name: /^Accept / })
    .click();
  await items
    .first()
    .getByRole("button", { name: /^Skip / })
    .click();
  await expect(items).toHaveCount(count - 3);
  await expect(panel.getByText("2 accepted")).toBeVisible();

  // They are threats now, with the catalog's mitigations attached as proposed.
  await page.getByRole("tab", { name: "Threats" }).click();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
  await page.getByRole("tab", { name: "Diagram" }).click();
  await expect(page.getByTestId("save-state")).toContainText("draft autosaved");
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Save version" }).click();
  await page
    .getByRole("dialog", { name: "Save version" })
    .getByRole("button", { name: "Save version" })
    .click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved as version 2");
  const { document } = (await (await api.get(`/api/v1/models/${modelId}/versions/2`)).json()) as {
    document: SavedDocument;
  };
  expect(document.threats).toHaveLength(2);
  for (const threat of document.threats) {
    expect(threat.catalogId).toBeTruthy();
    const linked = document.mitigations.filter((m) => m.threatIds.includes(threat.id));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((m) => m.catalogId && m.status === "proposed")).toBe(true);
  }

  // Asking again leaves out what was accepted.
  await panel.getByRole("button", { name: "Check again" }).click();
  await expect(items).toHaveCount(count - 2);

  // The catalog browser adds a threat to the selected element.
  await page.getByRole("button", { name: "Catalog", exact: true }).click();
  const catalog = page.getByRole("region", { name: "Threat catalog" });
  await catalog.getByLabel("Framework").selectOption("owasp-llm");
  await catalog.getByLabel("Search").fill("prompt injection");
  const entry = catalog.getByRole("listitem").first();
  await expect(entry).toContainText(/LLM01:2025/);
  const target =
    initial.elements.find((e) => /agent|assistant|orchestrat|LLM/i.test(e.label)) ?? initial.elements[0];
  if (!target) throw new Error("the template has elements");
  await nodeByLabel(page, target.label).click();
  await entry.getByRole("button", { name: /Add .* to the selection/ }).click();
  await expect(catalog.getByText(`to ${target.label}`)).toBeVisible();

  // The workspace's own threat joins the catalog, and can be added like a built-in one.
  await catalog.getByRole("button", { name: "New workspace threat…" }).click();
  const custom = catalog.getByRole("form", { name: "New workspace threat" });
  await custom.getByLabel("Title").fill("Support agent pastes customer secrets into chat");
  await custom.getByLabel("References").fill("LLM02:2025, STRIDE:I");
  await custom.getByRole("button", { name: "Add to the catalog" }).click();
  const mine = catalog.getByRole("listitem").filter({ hasText: "Support agent pastes customer secrets" });
  await expect(mine).toContainText("this workspace");
  await mine.getByRole("button", { name: /Add .* to the selection/ }).click();
  await page.getByRole("button", { name: "Catalog", exact: true }).click();
  await expect(detailsPanel(page).getByText("Support agent pastes customer secrets into chat")).toBeVisible();
  await expect(
    detailsPanel(page)
      .getByText(/prompt injection/i)
      .first(),
  ).toBeVisible();
});
