/**
 * The threat-model canvas as people use it: building a model from scratch with the mouse and the
 * keyboard, saving versions, autosave of the working copy, the read-only canvas of viewers and
 * reviewers, the demo model, and labels that must render as text.
 */
import {
  addFromPalette,
  boxOf,
  centreOf,
  detailsPanel,
  dragNodeTo,
  dragWithMouse,
  freshModel,
  inspectorBoundary,
  nodeByLabel,
  openDemoModel,
  openModel,
  snap,
} from "./canvas-helpers";
import { DEMO, expect, signIn, signUpViaApi, test, unique } from "./fixtures";

type SavedDocument = {
  elements: { id: string; label: string; parentId?: string }[];
  flows: { source: string; target: string }[];
  assets: { name: string; elementIds: string[] }[];
  threats: { id: string; title: string }[];
  mitigations: { status: string }[];
};

// Room for a trust boundary and a few elements beside each other at zoom 1.
test.use({ viewport: { width: 1600, height: 1000 } });

test("builds a small ML pipeline from scratch with the UI, saves a version, and finds everything after reload", async ({
  page,
  request,
  baseURL,
}) => {
  // The longest journey of the suite (20-40 s): headroom for a busy machine.
  test.setTimeout(90_000);
  const tag = unique("p").slice(-6);
  const names = {
    boundary: `Training enclave ${tag}`,
    dataset: `Labelled events ${tag}`,
    job: `Nightly retrain ${tag}`,
    registry: `Model store ${tag}`,
    endpoint: `Scoring endpoint ${tag}`,
    asset: `Fraud model weights ${tag}`,
    threat: `Model theft through the scoring endpoint ${tag}`,
    mitigation: "Restrict Number of AI Model Queries",
  };
  const owner = await signUpViaApi(request, baseURL, "builder");
  await signIn(page, owner.email, owner.password);

  // A workspace and a threat model, through the UI.
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("link", { name: "New workspace" }).click();
  await page.getByLabel("Workspace name").fill(unique("ML team"));
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  const modelName = unique("Fraud pipeline");
  await page.getByRole("button", { name: "New threat model" }).click();
  await page.getByLabel("Model name").fill(modelName);
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  const modelId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByRole("heading", { level: 1, name: modelName })).toBeVisible();
  const saveState = page.getByTestId("save-state");
  await expect(saveState).toHaveText("Saved as version 1");

  const details = detailsPanel(page);
  // Measured again after each change: the toolbar's status text changes length and can move the canvas.
  const paneBox = () => boxOf(page.locator(".react-flow__pane"));
  let pane = await paneBox();

  // A trust boundary, moved to the top left of the view so new elements land outside it.
  const boundary = await addFromPalette(page, "trust boundary", names.boundary);
  // On an empty model, React Flow's initial fitView fires on the first element and zooms in on it
  // (about 2x): zoom back out with the canvas controls until the boundary leaves room beside it.
  pane = await paneBox();
  for (let i = 0; i < 8 && (await boxOf(boundary)).width > pane.width * 0.45; i += 1) {
    await page.getByRole("button", { name: "Zoom Out" }).click();
  }
  const boundaryStart = await boxOf(boundary);
  expect(boundaryStart.width).toBeLessThanOrEqual(pane.width * 0.45);
  await dragWithMouse(
    page,
    { x: boundaryStart.x + 80, y: boundaryStart.y + 80 },
    { x: pane.x + 40 + 80, y: pane.y + 40 + 80 },
  );
  let region = await boxOf(boundary);
  expect(Math.abs(region.x - (pane.x + 40))).toBeLessThan(15);
  expect(Math.abs(region.y - (pane.y + 40))).toBeLessThan(15);

  // A training data store: added outside the boundary, then dragged into it with the mouse.
  const dataset = await addFromPalette(page, "training data store", names.dataset);
  await expect(inspectorBoundary(page)).toHaveText("None (outside every boundary)");
  region = await boxOf(boundary);
  await dragNodeTo(page, dataset, { x: region.x + region.width * 0.26, y: region.y + region.height * 0.32 });
  await expect(inspectorBoundary(page)).toHaveText(names.boundary);
  await expect(details.getByLabel("Label", { exact: true })).toHaveValue(names.dataset);

  // A training job, dragged in beside it.
  const job = await addFromPalette(page, "training job", names.job);
  region = await boxOf(boundary);
  await dragNodeTo(page, job, { x: region.x + region.width * 0.72, y: region.y + region.height * 0.76 });
  await expect(inspectorBoundary(page)).toHaveText(names.boundary);

  // A model registry to the right of the boundary, and an inference endpoint below it.
  const registry = await addFromPalette(page, "model registry", names.registry);
  region = await boxOf(boundary);
  await dragNodeTo(page, registry, {
    x: region.x + region.width + 180,
    y: region.y + region.height * 0.76,
  });
  await expect(inspectorBoundary(page)).toHaveText("None (outside every boundary)");
  const endpoint = await addFromPalette(page, "inference endpoint", names.endpoint);
  region = await boxOf(boundary);
  await dragNodeTo(page, endpoint, {
    x: region.x + region.width + 180,
    y: region.y + region.height + 140,
  });
  await expect(inspectorBoundary(page)).toHaveText("None (outside every boundary)");
  await snap(page, "01-elements-placed");

  // Flows from the keyboard: L opens the Connect dialog with the selected element as the source.
  const edges = page.locator(".react-flow__edge");
  await expect(edges).toHaveCount(0);
  await dataset.click();
  await expect(details.getByLabel("Label", { exact: true })).toHaveValue(names.dataset);
  await page.keyboard.press("l");
  const connect = page.getByRole("dialog", { name: "Connect elements" });
  await expect(connect).toBeVisible();
  await expect(connect.getByLabel("From").locator("option:checked")).toHaveText(names.dataset);
  await connect.getByLabel("From").selectOption({ label: names.dataset });
  await connect.getByLabel("To").selectOption({ label: names.job });
  await snap(page, "02-connect-dialog");
  await connect.getByRole("button", { name: "Add flow" }).click();
  await expect(connect).toBeHidden();
  await expect(edges).toHaveCount(1);

  // ... and from the toolbar's Connect button.
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Connect" }).click();
  await expect(connect).toBeVisible();
  await connect.getByLabel("From").selectOption({ label: names.job });
  await connect.getByLabel("To").selectOption({ label: names.registry });
  await connect.getByRole("button", { name: "Add flow" }).click();
  await expect(edges).toHaveCount(2);

  // A flow by dragging from the registry's bottom handle onto the endpoint's top handle.
  await dragWithMouse(
    page,
    centreOf(await boxOf(registry.locator(".react-flow__handle-bottom"))),
    centreOf(await boxOf(endpoint.locator(".react-flow__handle-top"))),
    20,
  );
  await expect(edges).toHaveCount(3);

  // An asset, created in the overview (nothing selected) and attached to the endpoint there.
  pane = await paneBox();
  await page.mouse.click(pane.x + pane.width * 0.5, pane.y + pane.height - 60);
  await expect(details.getByText("Nothing is selected.", { exact: false })).toBeVisible();
  await details.getByRole("button", { name: "Add asset" }).click();
  await details.getByRole("textbox", { name: "Name", exact: true }).fill(names.asset);
  await details.getByLabel("Type", { exact: true }).fill("model weights");
  await details.getByLabel("Classification").selectOption("restricted");
  await details.getByLabel("Provenance").selectOption("first-party");
  await details.getByRole("checkbox", { name: names.endpoint }).check();
  await expect(details.getByRole("button", { name: names.asset })).toContainText("1 element");
  // ... and to the registry from the registry's own inspector.
  await registry.click();
  await details.getByRole("checkbox", { name: names.asset }).check();
  await expect(details.getByRole("checkbox", { name: names.asset })).toBeChecked();

  // A threat on the endpoint with its risk, then a catalog mitigation that lowers the residual risk.
  await endpoint.click();
  await expect(details.getByLabel("Label", { exact: true })).toHaveValue(names.endpoint);
  await expect(details.getByRole("checkbox", { name: names.asset })).toBeChecked();
  await details.getByRole("button", { name: "Add threat" }).click();
  const threatItem = details.getByRole("listitem").filter({ has: page.getByLabel("Likelihood") });
  await threatItem.getByRole("textbox", { name: "Title", exact: true }).fill(names.threat);
  await threatItem.getByLabel("Likelihood").selectOption("4");
  await threatItem.getByLabel("Impact", { exact: true }).selectOption("5");
  const residual = threatItem.getByTitle(/^Residual risk /).last();
  await expect(residual).toContainText("Critical 20");
  await threatItem.getByLabel("Add from catalog").selectOption("AML.M0004");
  await threatItem.getByRole("button", { name: "Add", exact: true }).click();
  const mitigationItem = threatItem
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: names.mitigation }) });
  await mitigationItem.getByLabel("Status", { exact: true }).selectOption("implemented");
  await expect(residual).toContainText("Critical 20");
  await mitigationItem.getByLabel("Effectiveness (%)").fill("60");
  await expect(residual).toContainText("Medium 8");
  await expect(threatItem.getByText("After 1 mitigation in place.")).toBeVisible();
  await expect(
    endpoint.getByRole("img", { name: /1 open threat, highest residual risk medium/ }),
  ).toBeVisible();
  await snap(page, "03-threat-and-mitigation");

  // Save a version with a message, once the working copy has been autosaved (saving sooner leaves a
  // stale draft behind: see "a version saved right after an edit is what a reload shows" below).
  await expect(saveState).toContainText("Unsaved changes · draft autosaved");
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Save version" }).click();
  const saveDialog = page.getByRole("dialog", { name: "Save version" });
  await saveDialog
    .getByLabel("What changed?")
    .fill("First pipeline: training enclave, registry and endpoint");
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveDialog).toBeHidden();
  await expect(saveState).toHaveText("Saved as version 2");

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: modelName })).toBeVisible();
  await expect(saveState).toHaveText("Saved as version 2");
  for (const label of [names.boundary, names.dataset, names.job, names.registry, names.endpoint]) {
    await expect(nodeByLabel(page, label)).toBeVisible();
  }
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  await expect(page.getByText("Restored unsaved changes")).toHaveCount(0);
  await expect(details.getByRole("heading", { name: "Assets (1)" })).toBeVisible();
  await expect(details.getByRole("button", { name: names.asset })).toContainText("2 elements");
  await nodeByLabel(page, names.dataset).click();
  await expect(inspectorBoundary(page)).toHaveText(names.boundary);
  await nodeByLabel(page, names.endpoint).click();
  const savedThreat = details.getByRole("button", { name: names.threat });
  await expect(savedThreat).toContainText("Medium 8");
  await savedThreat.click();
  const savedMitigation = details.getByRole("button", { name: names.mitigation });
  await expect(savedMitigation).toContainText("Implemented");
  await expect(savedMitigation).toContainText("60% effective");
  await page.getByRole("tab", { name: "Threats" }).click();
  await expect(page.getByRole("row").filter({ hasText: names.threat })).toBeVisible();
  await page.getByRole("tab", { name: "Diagram" }).click();
  await snap(page, "04-after-reload");

  const versions = await page.request.get(`/api/v1/models/${modelId}/versions`);
  expect(versions.status()).toBe(200);
  const list = (await versions.json()) as { number: number; message: string }[];
  expect(list.map((v) => v.number)).toEqual([1, 2]);
  expect(list[1]?.message).toBe("First pipeline: training enclave, registry and endpoint");

  // The saved version holds what the canvas showed: containment, flows, links.
  const saved = await page.request.get(`/api/v1/models/${modelId}/versions/2`);
  expect(saved.status()).toBe(200);
  const { document } = (await saved.json()) as { document: SavedDocument };
  const idOf = (label: string) => document.elements.find((e) => e.label === label)?.id;
  const ids = {
    boundary: idOf(names.boundary),
    dataset: idOf(names.dataset),
    job: idOf(names.job),
    registry: idOf(names.registry),
    endpoint: idOf(names.endpoint),
  };
  expect(Object.values(ids).every(Boolean), JSON.stringify(document.elements)).toBe(true);
  const parentOf = (id?: string) => document.elements.find((e) => e.id === id)?.parentId;
  expect([parentOf(ids.dataset), parentOf(ids.job)]).toEqual([ids.boundary, ids.boundary]);
  expect([parentOf(ids.registry), parentOf(ids.endpoint)]).toEqual([undefined, undefined]);
  expect(document.flows.map((f) => `${f.source}>${f.target}`).sort()).toEqual(
    [`${ids.dataset}>${ids.job}`, `${ids.job}>${ids.registry}`, `${ids.registry}>${ids.endpoint}`].sort(),
  );
  expect(document.assets).toHaveLength(1);
  expect(document.assets[0]).toMatchObject({
    name: names.asset,
    classification: "restricted",
    provenance: "first-party",
  });
  expect([...(document.assets[0]?.elementIds ?? [])].sort()).toEqual([ids.endpoint, ids.registry].sort());
  expect(document.threats).toHaveLength(1);
  expect(document.threats[0]).toMatchObject({
    title: names.threat,
    likelihood: 4,
    impact: 5,
    targetIds: [ids.endpoint],
  });
  expect(document.mitigations).toHaveLength(1);
  expect(document.mitigations[0]).toMatchObject({
    catalogId: "AML.M0004",
    status: "implemented",
    effectiveness: 60,
    threatIds: [document.threats[0]?.id],
  });
});

test("unsaved work survives a closed tab", async ({ page, request, baseURL, origin }) => {
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "drafter");
  await openModel(page, modelId, modelName);
  const label = unique("Feature store draft");
  await addFromPalette(page, "feature store", label);
  const saveState = page.getByTestId("save-state");
  await expect(saveState).toContainText("Unsaved changes");
  await expect(saveState).toContainText("draft autosaved");

  const context = page.context();
  await page.close();
  const again = await context.newPage();
  await openModel(again, modelId, modelName);
  await expect(again.getByText(/Restored unsaved changes autosaved .+ by /)).toBeVisible();
  await expect(nodeByLabel(again, label)).toBeVisible();
  await expect(again.getByTestId("save-state")).toContainText("Unsaved changes");

  // A change left before the autosave delay is sent when the page goes away (pagehide).
  await nodeByLabel(again, label).click();
  const renamed = unique("Renamed before leaving");
  await detailsPanel(again).getByLabel("Label", { exact: true }).fill(renamed);
  await expect(again.getByTestId("save-state")).toContainText("autosaving draft");
  await again.goto("about:blank");
  await openModel(again, modelId, modelName);
  await expect(nodeByLabel(again, renamed)).toBeVisible();
  await expect(again.getByText(/Restored unsaved changes/)).toBeVisible();
  await snap(again, "05-restored-draft");
});

test("a version saved right after an edit is what a reload shows", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  // A draft autosaved before the last edit must not survive "Save version" and come back on reload.
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "saver");
  await openModel(page, modelId, modelName);
  const first = unique("First name");
  const second = unique("Second name");
  await addFromPalette(page, "process", first);
  const saveState = page.getByTestId("save-state");
  await expect(saveState).toContainText("draft autosaved");

  // Rename and save at once, within the autosave delay.
  await detailsPanel(page).getByLabel("Label", { exact: true }).fill(second);
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Save version" }).click();
  const saveDialog = page.getByRole("dialog", { name: "Save version" });
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveState).toHaveText("Saved as version 2");

  await page.reload();
  await expect(nodeByLabel(page, second)).toBeVisible();
  await expect(page.getByText("Restored unsaved changes")).toHaveCount(0);
  await expect(saveState).toHaveText("Saved as version 2");
});

test.describe("viewers and reviewers get a read-only canvas", () => {
  for (const [role, email] of [
    ["viewer", DEMO.erin],
    ["reviewer", DEMO.carol],
  ] as const) {
    test(`as a ${role}`, async ({ page }) => {
      await openDemoModel(page, email);
      await expect(page.getByText(`Read-only: you are a ${role} in this workspace.`)).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Element palette" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Add process" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Save version" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Connect", exact: true })).toHaveCount(0);
      await expect(page.getByTestId("save-state")).toHaveText(/^Read-only · version \d+$/);

      const scoring = nodeByLabel(page, "Scoring API");
      const edges = page.locator(".react-flow__edge");
      const edgeCount = await edges.count();
      // Dragging a node of a read-only canvas pans the view at most: the node keeps its place in the
      // diagram (its flow position, and its offset from another node).
      const checkout = nodeByLabel(page, "Checkout service");
      const offsetFromCheckout = async () => {
        const [a, b] = [await boxOf(scoring), await boxOf(checkout)];
        return { dx: Math.round(a.x - b.x), dy: Math.round(a.y - b.y) };
      };
      const flowPosition = () => scoring.evaluate((node) => (node as HTMLElement).style.transform);
      const [offsetBefore, positionBefore] = [await offsetFromCheckout(), await flowPosition()];
      const start = centreOf(await boxOf(scoring));
      await dragWithMouse(page, start, { x: start.x + 160, y: start.y + 120 });
      expect(await flowPosition()).toBe(positionBefore);
      expect(await offsetFromCheckout()).toEqual(offsetBefore);

      // Selecting works, editing does not.
      await scoring.click();
      await expect(scoring).toHaveClass(/\bselected\b/);
      const details = detailsPanel(page);
      const label = details.getByLabel("Label", { exact: true });
      await expect(label).toHaveValue("Scoring API");
      await expect(label).not.toBeEditable();
      await expect(details.getByRole("button", { name: "Add threat" })).toHaveCount(0);
      await page.keyboard.press("Delete");
      await page.keyboard.press("Backspace");
      await expect(scoring).toBeVisible();
      await expect(edges).toHaveCount(edgeCount);
      await snap(page, `06-read-only-${role}`);

      await page.getByRole("tab", { name: "Threats" }).click();
      await expect(
        page.getByRole("row").filter({ hasText: "Model extraction through the scoring API" }),
      ).toBeVisible();
      await expect(
        page.getByRole("row").filter({ hasText: "Label poisoning through the chargeback feed" }),
      ).toBeVisible();
    });
  }
});

test("the demo model explains itself", async ({ page }) => {
  await openDemoModel(page, DEMO.alice);
  await expect
    .poll(() => page.locator(".react-flow__node:not(.react-flow__node-boundary)").count())
    .toBeGreaterThanOrEqual(12);
  await expect.poll(() => page.locator(".react-flow__edge").count()).toBeGreaterThanOrEqual(10);
  for (const boundary of ["Internet", "Fraud platform VPC"]) {
    await expect(
      page.locator(".react-flow__node-boundary").getByText(boundary, { exact: true }),
    ).toBeVisible();
  }
  await expect(nodeByLabel(page, "Scoring API").getByRole("img", { name: /open threat/ })).toBeVisible();
  await snap(page, "07-demo-model");

  await page.getByRole("tab", { name: "Risk matrix" }).click();
  await expect(page.getByRole("table", { name: /Inherent risk/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Residual risk/ })).toBeVisible();
  await snap(page, "08-risk-matrix");

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /Save version/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  // Looking around changes nothing: no unsaved changes, no draft written for the demo model.
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved as version \d+$/);
});

test("a label with HTML is shown as text", async ({ page, request, baseURL, origin }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "xss");
  await openModel(page, modelId, modelName);
  const payload = "<img src=x onerror=alert(1)>";
  const node = await addFromPalette(page, "process", payload);
  await expect(node).toContainText(payload);
  await expect(node.locator("img")).toHaveCount(0);
  await expect(page.locator(".react-flow img")).toHaveCount(0);
  await snap(page, "09-html-label");

  // Also after a round trip through the server (the autosaved draft, rendered again on load).
  await expect(page.getByTestId("save-state")).toContainText("draft autosaved");
  await page.reload();
  await expect(nodeByLabel(page, payload)).toBeVisible();
  await expect(page.locator(".react-flow img")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
