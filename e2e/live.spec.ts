/**
 * Live editing in review sessions: two editors and a viewer on one canvas, each in their own
 * browser. Edits from each side converge, "People here" lists everyone, undo takes back only
 * one's own change, and the viewer watches without being able to change anything.
 */
import type { Locator, Page, WebSocketRoute } from "@playwright/test";
import { addFromPalette, boxOf, centreOf, nodeByLabel, openModel, snap } from "./canvas-helpers";
import { type Account, expect, signedInContext, signIn, signUpViaApi, teamWithModel, test } from "./fixtures";

test.use({ viewport: { width: 1600, height: 1000 } });

test("two editors and a viewer share one live canvas", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const alice = await signUpViaApi(request, baseURL, "live-a");
  const bob = await signUpViaApi(request, baseURL, "live-b");
  const erin = await signUpViaApi(request, baseURL, "live-viewer");
  await signIn(page, alice.email, alice.password);
  const { modelId, modelName } = await teamWithModel(
    page,
    origin,
    [
      [bob, "EDITOR"],
      [erin, "VIEWER"],
    ],
    { name: "Live model", templateId: "rag-assistant" },
  );

  await openModel(page, modelId, modelName);
  const bobSession = await signedInContext(browser, baseURL, bob.email, bob.password);
  const erinSession = await signedInContext(browser, baseURL, erin.email, erin.password);
  try {
    const bobPage = bobSession.page;
    const erinPage = erinSession.page;
    await openModel(bobPage, modelId, modelName);
    await openModel(erinPage, modelId, modelName);

    // Everyone sees everyone.
    for (const viewer of [page, bobPage, erinPage]) {
      const people = viewer.getByRole("region", { name: "People here" });
      await expect(people.getByRole("listitem")).toHaveCount(3);
      await expect(people.getByRole("listitem", { name: new RegExp(alice.name) })).toBeVisible();
      await expect(people.getByRole("listitem", { name: new RegExp(bob.name) })).toBeVisible();
      await expect(people.getByRole("listitem", { name: new RegExp(erin.name) })).toBeVisible();
    }

    // Alice adds an element; Bob and Erin see it arrive.
    await addFromPalette(page, "process", "Alice's gateway");
    await expect(nodeByLabel(bobPage, "Alice's gateway")).toBeVisible();
    await expect(nodeByLabel(erinPage, "Alice's gateway")).toBeVisible();

    // Bob adds one too; Alice sees it.
    await addFromPalette(bobPage, "data store", "Bob's audit log");
    await expect(nodeByLabel(page, "Bob's audit log")).toBeVisible();

    // Alice's undo takes back her own rename only, not Bob's element.
    await page.getByRole("toolbar", { name: "Editor" }).getByRole("button", { name: "Undo" }).click();
    await expect(nodeByLabel(page, "Alice's gateway")).toHaveCount(0);
    await expect(nodeByLabel(bobPage, "Alice's gateway")).toHaveCount(0);
    await expect(nodeByLabel(page, "Bob's audit log")).toBeVisible();
    await expect(nodeByLabel(bobPage, "Bob's audit log")).toBeVisible();

    // Erin watches read-only: no palette, nothing to change.
    await expect(erinPage.getByRole("button", { name: "Add process", exact: true })).toHaveCount(0);
    await expect(nodeByLabel(erinPage, "Bob's audit log")).toBeVisible();

    // Alice saves a version: it becomes everyone's base, so Bob saves his next change without a conflict.
    const saveVersion = async (viewer: typeof page, expected: string) => {
      await viewer
        .getByRole("toolbar", { name: "Editor" })
        .getByRole("button", { name: "Save version" })
        .click();
      const dialog = viewer.getByRole("dialog", { name: "Save version" });
      await dialog.getByRole("button", { name: "Save version" }).click();
      await expect(viewer.getByTestId("save-state")).toHaveText(expected);
    };
    await saveVersion(page, "Saved as version 2");
    await expect(bobPage.getByTestId("save-state")).toHaveText("Saved as version 2");
    await addFromPalette(bobPage, "process", "Bob after the save");
    await expect(bobPage.getByTestId("save-state")).toContainText("Unsaved changes");
    await saveVersion(bobPage, "Saved as version 3");
    await expect(page.getByTestId("save-state")).toHaveText("Saved as version 3");
    await expect(bobPage.getByRole("dialog", { name: /saved/i })).toHaveCount(0);
  } finally {
    await bobSession.context.close();
    await erinSession.context.close();
  }
});

/** Two fresh editors on a new model made from the RAG template; alice's page is signed in. */
async function twoEditors(
  page: Page,
  request: Parameters<typeof signUpViaApi>[0],
  baseURL: string | undefined,
  origin: string,
): Promise<{ alice: Account; bob: Account; modelId: string; modelName: string }> {
  const alice = await signUpViaApi(request, baseURL, "live-a");
  const bob = await signUpViaApi(request, baseURL, "live-b");
  await signIn(page, alice.email, alice.password);
  const { modelId, modelName } = await teamWithModel(page, origin, [[bob, "EDITOR"]], {
    name: "Live model",
    templateId: "rag-assistant",
  });
  return { alice, bob, modelId, modelName };
}

/** The zoom of a page's diagram, read from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").getAttribute("style");
  const scale = /scale\(([\d.]+)\)/.exec(transform ?? "");
  return Number(scale?.[1] ?? Number.NaN);
}

test("others' pointers, selections and drags show live, and one can follow another's view", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const { alice, bob, modelId, modelName } = await twoEditors(page, request, baseURL, origin);
  await openModel(page, modelId, modelName);
  const bobSession = await signedInContext(browser, baseURL, bob.email, bob.password);
  try {
    const bobPage = bobSession.page;
    await openModel(bobPage, modelId, modelName);
    await expect(bobPage.getByRole("region", { name: "People here" }).getByRole("listitem")).toHaveCount(2);

    // Alice's pointer over the diagram appears on Bob's canvas with her name.
    const pane = await boxOf(page.locator(".react-flow__pane"));
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.move(pane.x + pane.width / 2 + 40, pane.y + pane.height / 2 + 30, { steps: 5 });
    const pointer = bobPage.getByRole("img", { name: `${alice.name}'s pointer` });
    await expect(pointer).toBeVisible();
    await expect(pointer).toContainText(alice.name);

    // What Alice selects is outlined on Bob's canvas; her selection is not Bob's.
    const target = await addFromPalette(page, "process", "Alice's pick");
    const onBob = bobPage.locator(".react-flow__node.peer-selected");
    await expect(onBob).toHaveCount(1);
    await expect(onBob).toContainText("Alice's pick");
    await expect(onBob).not.toHaveClass(/(^|\s)selected(\s|$)/);

    // Mid-drag, Bob already sees the element move; the drop is committed for both.
    const before = await boxOf(onBob);
    const from = centreOf(await boxOf(target));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 90, { steps: 8 });
    await expect.poll(async () => (await boxOf(onBob)).y - before.y).toBeGreaterThan(40);
    await snap(bobPage, "live-01-peer-drag");
    await page.mouse.up();
    await expect.poll(async () => (await boxOf(onBob)).y - before.y).toBeGreaterThan(40);

    // Bob follows Alice's view: when she zooms, so does he; Escape stops following.
    await bobPage.getByRole("button", { name: `Follow ${alice.name}'s view` }).click();
    await expect(
      bobPage.getByRole("status").filter({ hasText: `Following ${alice.name}'s view` }),
    ).toBeVisible();
    const zoomIn = page.getByRole("button", { name: /zoom in/i });
    await zoomIn.click();
    await zoomIn.click();
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(0);
    const aliceZoom = await zoomOf(page);
    await expect.poll(() => zoomOf(bobPage)).toBeCloseTo(aliceZoom, 2);
    await snap(bobPage, "live-02-following");
    await bobPage.keyboard.press("Escape");
    await expect(bobPage.getByText(`Following ${alice.name}'s view`)).toHaveCount(0);
    await expect(bobPage.getByRole("button", { name: `Follow ${alice.name}'s view` })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.getByRole("button", { name: /zoom out/i }).click();
    await page.waitForTimeout(400); // Bob must not follow any more: give a move time to arrive.
    expect(await zoomOf(bobPage)).toBeCloseTo(aliceZoom, 2);
  } finally {
    await bobSession.context.close();
  }
});

test("edits made before the live connection is up, or while it is down, are kept and merged", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const { bob, modelId, modelName } = await twoEditors(page, request, baseURL, origin);

  // Alice's connection to the live server goes through a switch: while it is off, nothing passes.
  let isOnline = false;
  const held: (() => void)[] = [];
  const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/collab$/, (ws) => {
    const server = ws.connectToServer();
    routes.push({ page: ws, server });
    ws.onMessage((message) => (isOnline ? server.send(message) : held.push(() => server.send(message))));
    server.onMessage((message) => (isOnline ? ws.send(message) : held.push(() => ws.send(message))));
  });
  const goOnline = () => {
    isOnline = true;
    for (const send of held.splice(0)) send();
  };

  const bobSession = await signedInContext(browser, baseURL, bob.email, bob.password);
  try {
    const bobPage = bobSession.page;
    await openModel(bobPage, modelId, modelName);
    await openModel(page, modelId, modelName);
    const status = page.getByTestId("live-status");
    await expect(status).toHaveAttribute("data-status", /connecting|offline/);

    // Alice works before her canvas has synced; Bob works meanwhile.
    await addFromPalette(page, "process", "Added while connecting");
    await addFromPalette(bobPage, "data store", "Bob's store");
    goOnline();
    await expect(status).toHaveAttribute("data-status", "live");
    for (const viewer of [page, bobPage]) {
      await expect(nodeByLabel(viewer, "Added while connecting")).toBeVisible();
      await expect(nodeByLabel(viewer, "Bob's store")).toBeVisible();
    }

    // The network drops: Alice keeps working offline while Bob carries on.
    isOnline = false;
    for (const route of routes.splice(0)) {
      await route.server.close();
      await route.page.close();
    }
    await expect(status).toHaveAttribute("data-status", "offline");
    await expect(page.getByText("Offline: your changes will merge when you reconnect")).toBeVisible();
    await addFromPalette(page, "process", "Added offline");
    await addFromPalette(bobPage, "process", "Bob while Alice was away");
    await expect(nodeByLabel(bobPage, "Added offline")).toHaveCount(0);

    // It comes back: both sides end with everything.
    goOnline();
    await expect(status).toHaveAttribute("data-status", "live");
    await expect(page.getByText("Offline: your changes will merge when you reconnect")).toHaveCount(0);
    for (const viewer of [page, bobPage]) {
      for (const label of [
        "Added while connecting",
        "Bob's store",
        "Added offline",
        "Bob while Alice was away",
      ]) {
        await expect(nodeByLabel(viewer, label)).toBeVisible();
      }
    }
  } finally {
    await bobSession.context.close();
  }
});

test("a collaborator's edit arriving mid-drag leaves the dragged element under the pointer", async ({
  page,
  browser,
  request,
  baseURL,
  origin,
}) => {
  test.setTimeout(120_000);
  const { bob, modelId, modelName } = await twoEditors(page, request, baseURL, origin);
  await openModel(page, modelId, modelName);
  const bobSession = await signedInContext(browser, baseURL, bob.email, bob.password);
  try {
    const bobPage = bobSession.page;
    await openModel(bobPage, modelId, modelName);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    const held = await addFromPalette(page, "process", "Held");
    await expect(nodeByLabel(bobPage, "Held")).toBeVisible();
    const start = await placeOf(held);

    // Alice picks the element up and moves it; while she holds it, Bob's new element arrives.
    const from = centreOf(await boxOf(held));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 70, from.y + 50, { steps: 8 });
    await expect.poll(async () => (await placeOf(held)).y - start.y).toBeGreaterThan(20);
    const midDrag = await placeOf(held);
    await addFromPalette(bobPage, "data store", "Arrived mid-drag");
    await expect(nodeByLabel(page, "Arrived mid-drag")).toBeVisible();
    expect(await placeOf(held)).toEqual(midDrag);

    // The drop lands where she let go, for both.
    await page.mouse.up();
    await expect(held).not.toHaveClass(/\bdragging\b/);
    expect(await placeOf(held)).toEqual(midDrag);
    await expect.poll(() => placeOf(nodeByLabel(bobPage, "Held"))).toEqual(midDrag);
  } finally {
    await bobSession.context.close();
  }
});

/** Where a node is on the diagram (React Flow's translate, in diagram units, not screen pixels). */
async function placeOf(node: Locator): Promise<{ x: number; y: number }> {
  const style = (await node.getAttribute("style")) ?? "";
  const match = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(style);
  return { x: Number(match?.[1] ?? Number.NaN), y: Number(match?.[2] ?? Number.NaN) };
}
