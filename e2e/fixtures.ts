import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";

export { expect };

/** The seeded demo accounts (lib/db/seed.ts). Read-only checks only: never change their data. */
export const DEMO_PASSWORD = "trustboard-demo";
export const DEMO = {
  alice: "alice@example.com",
  bob: "bob@example.com",
  carol: "carol@example.com",
  dave: "dave@example.com",
  erin: "erin@example.com",
  mallory: "mallory@example.com",
} as const;
export const DEMO_WORKSPACE = "Demo ML Platform";
export const OTHER_WORKSPACE = "Other Org";
export const DEMO_MODEL = "Fraud scoring service";

export const WRONG_CREDENTIALS = "Wrong email or password.";
export const RATE_LIMITED = "Too many failed sign-in attempts";

/** `origin`: the app's origin, the value the REST API wants in `Origin` for cookie-authenticated mutations. */
export const test = base.extend<{ origin: string }>({
  origin: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts must set use.baseURL");
    await use(new URL(baseURL).origin);
  },
});

export type Account = { id: string; email: string; password: string; name: string };

/** A string no other test (in this run or an earlier one) uses: for emails, workspace and model names. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

export function uniqueEmail(prefix = "e2e"): string {
  return `${unique(prefix)}@e2e.example.com`;
}

/** Signs up a fresh account through `POST /api/v1/account` (no session is created). */
export async function signUpViaApi(
  request: APIRequestContext,
  baseURL: string | undefined,
  prefix = "user",
): Promise<Account> {
  if (!baseURL) throw new Error("baseURL is not set");
  const email = uniqueEmail(prefix);
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const name = `E2E ${prefix} ${randomBytes(3).toString("hex")}`;
  const response = await request.post("/api/v1/account", {
    data: { name, email, password },
    headers: { origin: new URL(baseURL).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; email: string; name: string };
  expect(body.email).toBe(email);
  return { id: body.id, email, password, name };
}

/** Fills and submits the sign-in form on the current page (must be /signin), without waiting for the result. */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the UI: opens `/signin` (unless the page is already there, e.g. after a deep-link
 * redirect), submits the form and waits until the app has navigated away from the sign-in page.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!/\/signin(\?|$)/.test(page.url())) await page.goto("/signin");
  await submitSignInForm(page, email, password);
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Signs in through next-auth's own endpoints (`/api/auth/csrf`, `/api/auth/callback/credentials`),
 * for setting up a second account quickly; the session cookie lands in the request's browser context.
 */
export async function signInViaApi(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/", json: "true" },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const session = await request.get("/api/auth/session");
  const body = (await session.json()) as { user?: { email?: string } };
  expect(body.user?.email, `sign-in as ${email} failed`).toBe(email);
}

/** A new browser context (own cookies) signed in as the given account, for a second person in a test. */
export async function signedInContext(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInViaApi(context.request, email, password);
  return { context, page };
}

export type Api = {
  get(url: string): Promise<APIResponse>;
  post(url: string, data?: unknown): Promise<APIResponse>;
  patch(url: string, data?: unknown): Promise<APIResponse>;
  delete(url: string): Promise<APIResponse>;
};

/**
 * The REST API as the page's signed-in user (the page's cookies), sending the page's own `Origin`
 * on mutations as the browser would.
 */
export function apiAs(page: Page, origin: string): Api {
  const headers = { origin };
  return {
    get: (url) => page.request.get(url),
    post: (url, data) => page.request.post(url, { data, headers }),
    patch: (url, data) => page.request.patch(url, { data, headers }),
    delete: (url) => page.request.delete(url, { headers }),
  };
}

export type WorkspaceRow = { id: string; name: string; role: string };
export type ModelRow = { id: string; name: string; stage: string; headVersion: number };

export async function listWorkspaces(api: Api): Promise<WorkspaceRow[]> {
  const response = await api.get("/api/v1/workspaces");
  expect(response.status()).toBe(200);
  return (await response.json()) as WorkspaceRow[];
}

/** Creates a workspace through the API (the caller becomes owner), for tests whose journey starts later. */
export async function createWorkspaceViaApi(api: Api, name: string): Promise<string> {
  const response = await api.post("/api/v1/workspaces", { name });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export type Team = { workspaceId: string; modelId: string; modelName: string };

/**
 * A fresh workspace owned by the user signed in on `page`, with `members` added in their roles, and
 * one model in it (from a template when `templateId` is given): the start of every journey that
 * needs several people on one model.
 */
export async function teamWithModel(
  page: Page,
  origin: string,
  members: readonly (readonly [Account, "EDITOR" | "REVIEWER" | "VIEWER"])[],
  model: { name: string; templateId?: string },
): Promise<Team & { api: Api }> {
  const api = apiAs(page, origin);
  const workspaceId = await createWorkspaceViaApi(api, unique("Team space"));
  for (const [person, role] of members) {
    const added = await api.post(`/api/v1/workspaces/${workspaceId}/members`, { email: person.email, role });
    expect(added.status(), await added.text()).toBe(201);
  }
  const modelName = unique(model.name);
  const created = await api.post(`/api/v1/workspaces/${workspaceId}/models`, {
    name: modelName,
    ...(model.templateId ? { templateId: model.templateId } : {}),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: modelId } = (await created.json()) as { id: string };
  return { api, workspaceId, modelId, modelName };
}

/** Presses Tab until `target` has the focus (none if it has it already), failing after `maxPresses`: proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  await expect(target).toBeVisible();
  const isFocused = () => target.evaluate((element) => element === document.activeElement);
  for (let i = 0; i < maxPresses && !(await isFocused()); i += 1) {
    await page.keyboard.press("Tab");
  }
  if (await isFocused()) return;
  throw new Error(`Could not reach ${target.toString()} with ${maxPresses} Tab presses`);
}

/** Saves a full-page screenshot when E2E_SHOTS_DIR is set (for looking at the pages; not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
