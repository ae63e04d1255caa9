import type { Browser, Page } from "@playwright/test";
import {
  apiAs,
  DEMO,
  DEMO_MODEL,
  DEMO_PASSWORD,
  DEMO_WORKSPACE,
  expect,
  listWorkspaces,
  type ModelRow,
  OTHER_WORKSPACE,
  shot,
  signedInContext,
  signIn,
  test,
  unique,
  uniqueEmail,
} from "./fixtures";

type DemoIds = { workspaceId: string; modelId: string };

/** The demo workspace's and model's ids, as alice (their owner) sees them, from her own browser context. */
async function demoIds(browser: Browser, baseURL: string | undefined, origin: string): Promise<DemoIds> {
  const { context, page } = await signedInContext(browser, baseURL, DEMO.alice, DEMO_PASSWORD);
  try {
    const api = apiAs(page, origin);
    const workspace = (await listWorkspaces(api)).find((w) => w.name === DEMO_WORKSPACE);
    expect(workspace, "alice is a member of the demo workspace").toBeDefined();
    const workspaceId = workspace?.id ?? "";
    const models = (await (await api.get(`/api/v1/workspaces/${workspaceId}/models`)).json()) as ModelRow[];
    const model = models.find((m) => m.name === DEMO_MODEL);
    expect(model, "the demo model exists").toBeDefined();
    return { workspaceId, modelId: model?.id ?? "" };
  } finally {
    await context.close();
  }
}

async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
}

test.describe("mallory (owner of another workspace)", () => {
  test("is blocked from the demo workspace's pages and API", async ({ page, browser, baseURL, origin }) => {
    const ids = await demoIds(browser, baseURL, origin);
    await signIn(page, DEMO.mallory, DEMO_PASSWORD);

    // Pages: the same "Not found" as for an id that does not exist, without the workspace's name.
    await expectNotFoundPage(page, `/w/${ids.workspaceId}`);
    await shot(page, "cross-tenant-not-found");
    await expect(page.getByText(DEMO_WORKSPACE)).toHaveCount(0);
    await expectNotFoundPage(page, `/w/${ids.workspaceId}/members`);
    await expect(page.getByText(DEMO.alice)).toHaveCount(0);
    await expectNotFoundPage(page, `/models/${ids.modelId}`);
    await expect(page.getByText(DEMO_MODEL)).toHaveCount(0);

    // API with her session cookie: 404, never 403 (which would confirm the ids exist).
    const api = apiAs(page, origin);
    const answers = {
      listModels: await api.get(`/api/v1/workspaces/${ids.workspaceId}/models`),
      getModel: await api.get(`/api/v1/models/${ids.modelId}`),
      // Same name as now, so even a broken check would leave the demo data as it was.
      patchModel: await api.patch(`/api/v1/models/${ids.modelId}`, { name: DEMO_MODEL }),
      addMember: await api.post(`/api/v1/workspaces/${ids.workspaceId}/members`, {
        email: uniqueEmail("mallory-invite"),
        role: "VIEWER",
      }),
    };
    for (const [call, response] of Object.entries(answers)) {
      expect(response.status(), `${call}: ${await response.text()}`).toBe(404);
      const body = await response.text();
      expect(body, call).not.toContain(DEMO_WORKSPACE);
      expect(body, call).not.toContain(DEMO_MODEL);
    }
    expect((await listWorkspaces(api)).map((w) => w.name)).toEqual([OTHER_WORKSPACE]);
  });

  test("is not over-blocked: she works in her own workspace, which alice cannot see", async ({
    page,
    browser,
    baseURL,
    origin,
  }) => {
    const modelName = unique("Mallory model");
    await signIn(page, DEMO.mallory, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: OTHER_WORKSPACE })).toBeVisible();
    await expect(page.getByText("you are owner")).toBeVisible();

    await page.getByRole("button", { name: "New threat model" }).click();
    await page.getByLabel("Model name").fill(modelName);
    await page.getByLabel("Description").fill("Created by the cross-tenant spec");
    await page.getByRole("button", { name: "Create model" }).click();
    await expect(page).toHaveURL(/\/models\/[^/]+$/);
    await expect(page.getByRole("heading", { name: modelName })).toBeVisible();
    await shot(page, "model-overview");
    const modelPath = new URL(page.url()).pathname;
    const modelId = modelPath.split("/").pop() ?? "";

    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: OTHER_WORKSPACE })
      .click();
    await page.getByRole("link", { name: modelName }).click();
    await expect(page).toHaveURL(new RegExp(`${modelPath}$`));
    await expect(page.getByRole("heading", { name: modelName })).toBeVisible();

    const alice = await signedInContext(browser, baseURL, DEMO.alice, DEMO_PASSWORD);
    try {
      const response = await apiAs(alice.page, origin).get(`/api/v1/models/${modelId}`);
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toContain(modelName);
      await expectNotFoundPage(alice.page, modelPath);
      await expect(alice.page.getByText(modelName)).toHaveCount(0);
    } finally {
      await alice.context.close();
    }
  });
});

test("erin (viewer) sees the demo model but none of the editing or member controls", async ({ page }) => {
  await signIn(page, DEMO.erin, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: DEMO_WORKSPACE })).toBeVisible();
  await expect(page.getByText("you are viewer")).toBeVisible();
  await expect(page.getByRole("link", { name: DEMO_MODEL })).toBeVisible();
  await expect(page.getByRole("button", { name: "New threat model" })).toHaveCount(0);

  await page.getByRole("link", { name: DEMO_MODEL }).click();
  await expect(page.getByRole("heading", { name: DEMO_MODEL })).toBeVisible();
  await page.goBack();

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("cell", { name: DEMO.alice })).toBeVisible();
  await shot(page, "members-as-viewer");
  await expect(page.getByLabel("Email address")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByText("Pending invitations")).toHaveCount(0);
});
