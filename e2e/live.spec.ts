/**
 * Live editing in review sessions: two editors and a viewer on one canvas, each in their own
 * browser. Edits from each side converge, "People here" lists everyone, undo takes back only
 * one's own change, and the viewer watches without being able to change anything.
 */
import { addFromPalette, nodeByLabel, openModel } from "./canvas-helpers";
import {
  apiAs,
  createWorkspaceViaApi,
  expect,
  signedInContext,
  signIn,
  signUpViaApi,
  test,
  unique,
} from "./fixtures";

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
  const api = apiAs(page, origin);
  const workspaceId = await createWorkspaceViaApi(api, unique("Live space"));
  for (const [person, role] of [
    [bob, "EDITOR"],
    [erin, "VIEWER"],
  ] as const) {
    const added = await api.post(`/api/v1/workspaces/${workspaceId}/members`, { email: person.email, role });
    expect(added.status(), await added.text()).toBe(201);
  }
  const modelName = unique("Live model");
  const created = await api.post(`/api/v1/workspaces/${workspaceId}/models`, {
    name: modelName,
    templateId: "rag-assistant",
  });
  const { id: modelId } = (await created.json()) as { id: string };

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
  } finally {
    await bobSession.context.close();
    await erinSession.context.close();
  }
});
