/**
 * Version history as people use it: saving versions, comparing two on the canvas (added, changed
 * and removed elements, the change list), restoring an old one, a reviewer reading the demo
 * model's history, and a save conflict resolved by rebasing onto the newer head.
 */
import type { Page } from "@playwright/test";
import {
  addFromPalette,
  boxOf,
  centreOf,
  detailsPanel,
  dragNodeTo,
  freshModel,
  nodeByLabel,
  openDemoModel,
  openModel,
  snap,
} from "./canvas-helpers";
import { apiAs, DEMO, expect, test, unique } from "./fixtures";

test.use({ viewport: { width: 1600, height: 1000 } });

/** Saves a version through the toolbar and dialog, once the edit has been autosaved. */
async function saveVersion(page: Page, message: string, expected: number): Promise<void> {
  const saveState = page.getByTestId("save-state");
  await expect(saveState).toContainText("draft autosaved");
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Save version" }).click();
  const dialog = page.getByRole("dialog", { name: "Save version" });
  await dialog.getByLabel("What changed?").fill(message);
  await dialog.getByRole("button", { name: "Save version" }).click();
  await expect(dialog).toBeHidden();
  await expect(saveState).toHaveText(`Saved as version ${expected}`);
}

async function renameSelected(page: Page, label: string): Promise<void> {
  await detailsPanel(page).getByLabel("Label", { exact: true }).fill(label);
  await expect(nodeByLabel(page, label)).toBeVisible();
}

const historyPanel = (page: Page) => page.getByRole("region", { name: "History" });

test("saves three versions, compares the first and the third on the canvas, and restores the first", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "history");
  await openModel(page, modelId, modelName);
  const tag = unique("h").slice(-5);
  const names = {
    ingest: `Ingest ${tag}`,
    store: `Feature store ${tag}`,
    renamed: `Stream ingest ${tag}`,
    trainer: `Trainer ${tag}`,
  };

  // Elements land in the middle of the view: each is moved aside so none covers another.
  const pane = centreOf(await boxOf(page.locator(".react-flow__pane")));
  const place = async (label: string, dx: number, dy: number) =>
    dragNodeTo(page, nodeByLabel(page, label), { x: pane.x + dx, y: pane.y + dy });

  // Version 2: two elements.
  await addFromPalette(page, "process", names.ingest);
  await place(names.ingest, -260, -120);
  await addFromPalette(page, "feature store", names.store);
  await place(names.store, 0, -120);
  await saveVersion(page, "Ingest and feature store", 2);
  // Version 3: one renamed, one added.
  await nodeByLabel(page, names.ingest).click();
  await renameSelected(page, names.renamed);
  await addFromPalette(page, "process", names.trainer);
  await place(names.trainer, 260, 80);
  await saveVersion(page, "Streaming ingest and a trainer", 3);
  // Version 4: the feature store removed.
  await nodeByLabel(page, names.store).click();
  await page.keyboard.press("Delete");
  await expect(nodeByLabel(page, names.store)).toHaveCount(0);
  await saveVersion(page, "No feature store after all", 4);

  // The history lists every version, newest first, with author, message and short hash.
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "History" }).click();
  const history = historyPanel(page);
  await expect(history.getByRole("listitem")).toHaveCount(4);
  await expect(history.getByTestId("version-4")).toContainText("No feature store after all");
  await expect(history.getByTestId("version-4")).toContainText("Head");
  await expect(history.getByTestId("version-2")).toContainText(/[0-9a-f]{8}/);

  // Compare version 2 (the first saved) with version 4 (the third).
  await history.getByLabel("From", { exact: true }).selectOption("2");
  await history.getByLabel("To", { exact: true }).selectOption("4");
  await history.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByTestId("version-banner")).toContainText("Comparing version 2 with version 4");
  await expect(page.getByTestId("legend-added")).toContainText("1");
  await expect(page.getByTestId("legend-changed")).toContainText("1");
  await expect(page.getByTestId("legend-removed")).toContainText("1");
  await expect(nodeByLabel(page, names.trainer)).toHaveClass(/\bdiff-added\b/);
  await expect(nodeByLabel(page, names.renamed)).toHaveClass(/\bdiff-changed\b/);
  // The removed store is drawn as a ghost where it was.
  await expect(nodeByLabel(page, names.store)).toHaveClass(/\bdiff-removed\b/);
  const changes = page.getByRole("navigation", { name: "Changes" });
  await expect(changes.getByTestId("change-count")).toHaveText("3 changes");
  const changedIngest = changes.getByRole("listitem").filter({ hasText: names.renamed });
  await expect(changedIngest).toContainText("label");
  await expect(changedIngest).toContainText(names.ingest);
  await snap(page, "history-compare");
  // The change list jumps to the change and selects it.
  await changedIngest.getByRole("button").click();
  await expect(nodeByLabel(page, names.renamed)).toHaveClass(/\bselected\b/);

  // Restore version 2: a new head, version 5, with exactly version 2's content.
  await page.getByRole("button", { name: "Restore version 2" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore version 2" });
  await dialog.getByLabel("Why? (optional)").fill("Back to the batch design");
  await dialog.getByRole("button", { name: "Restore as version 5" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Restored version 2 as version 5.")).toBeVisible();
  await expect(page.getByTestId("version-banner")).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveText("Saved as version 5");
  await expect(nodeByLabel(page, names.ingest)).toBeVisible();
  await expect(nodeByLabel(page, names.store)).toBeVisible();
  await expect(nodeByLabel(page, names.trainer)).toHaveCount(0);
  await expect(history.getByTestId("version-5")).toContainText("restored from 2");
  await expect(history.getByTestId("version-5")).toContainText(
    "Restored version 2: Back to the batch design",
  );

  const api = apiAs(page, origin);
  const version = async (n: number) =>
    (await (await api.get(`/api/v1/models/${modelId}/versions/${n}`)).json()) as { contentHash: string };
  expect((await version(5)).contentHash).toBe((await version(2)).contentHash);
  // Still there after a reload: the restored head is what the model opens on.
  await page.reload();
  await expect(page.getByTestId("save-state")).toHaveText("Saved as version 5");
  await expect(nodeByLabel(page, names.store)).toBeVisible();
});

test("a reviewer reads the demo model's history and compares two versions, but cannot restore", async ({
  page,
}) => {
  await openDemoModel(page, DEMO.carol);
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "History" }).click();
  const history = historyPanel(page);
  await expect(history.getByTestId("version-1")).toContainText("First sketch of the scoring pipeline");
  await expect(history.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  await history.getByRole("button", { name: "Compare version 1 with the head" }).click();
  await expect(page.getByTestId("version-banner")).toContainText("Comparing version 1 with version");
  // The analyst copilot, its prompt and its notes index came after the first sketch.
  for (const label of ["Analyst copilot", "Case summary prompt", "Case notes index"]) {
    await expect(nodeByLabel(page, label)).toHaveClass(/\bdiff-added\b/);
  }
  await expect(page.getByTestId("legend-added")).not.toContainText(/\b0\b/);
  const changes = page.getByRole("navigation", { name: "Changes" });
  await expect(changes.getByRole("heading", { name: /^Threats/ })).toBeVisible();
  await snap(page, "history-reviewer-compare");
  // Viewing one version is read-only and says which one it is.
  await history.getByRole("button", { name: "View version 2" }).click();
  await expect(page.getByTestId("version-banner")).toContainText("Viewing version 2");
  await page.getByRole("button", { name: "Back to the current version" }).click();
  await expect(page.getByTestId("version-banner")).toHaveCount(0);
});

test("a save that lost the race shows the conflict, the diff, and rebases both people's work", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const { account, modelId, modelName } = await freshModel(page, request, baseURL, origin, "race");
  const tag = unique("r").slice(-5);
  const mine = `Mine ${tag}`;
  const theirs = `Theirs ${tag}`;
  // This window is cut off from the live canvas (a proxy that swallows WebSockets), so it does
  // not hear about the other window's save and still starts from version 1.
  await page.routeWebSocket(/\/collab$/, () => {});
  await openModel(page, modelId, modelName);

  // Someone else (the same account in another window) saves version 2 first.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto("/signin");
  await otherPage.getByLabel("Email").fill(account.email);
  await otherPage.getByLabel("Password").fill(account.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).not.toHaveURL(/\/signin/);
  await openModel(otherPage, modelId, modelName);
  await addFromPalette(otherPage, "feature store", theirs);
  await saveVersion(otherPage, "Their store", 2);
  await other.close();

  // This editor still starts from version 1: its save is refused and explained.
  await addFromPalette(page, "process", mine);
  await expect(page.getByTestId("save-state")).toContainText("draft autosaved");
  await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Save version" }).click();
  await page
    .getByRole("dialog", { name: "Save version" })
    .getByRole("button", { name: "Save version" })
    .click();
  const conflict = page.getByRole("dialog", { name: "Someone else saved a newer version" });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "See what changed from version 1 to 2" }).click();
  await expect(page.getByTestId("version-banner")).toContainText("Comparing version 1 with version 2");
  await expect(nodeByLabel(page, theirs)).toHaveClass(/\bdiff-added\b/);

  // Keep mine on top: both elements are on the canvas, based on version 2, and save as version 3.
  await page.getByTestId("version-banner").getByRole("button", { name: "Keep my changes on top" }).click();
  await expect(page.getByText("Your changes now sit on top of version 2")).toBeVisible();
  await expect(nodeByLabel(page, mine)).toBeVisible();
  await expect(nodeByLabel(page, theirs)).toBeVisible();
  await saveVersion(page, "Mine on top of theirs", 3);
  const saved = await apiAs(page, origin).get(`/api/v1/models/${modelId}/versions/3`);
  const { document } = (await saved.json()) as { document: { elements: { label: string }[] } };
  expect(document.elements.map((e) => e.label).sort()).toEqual([mine, theirs].sort());
});
