import { mkdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import {
  type Account,
  apiAs,
  createWorkspaceViaApi,
  DEMO_MODEL,
  DEMO_PASSWORD,
  expect,
  signIn,
  signUpViaApi,
  unique,
} from "./fixtures";

/** Where the canvas tests leave screenshots of key moments (CANVAS_SHOTS_DIR overrides it). */
const SHOTS_DIR = process.env.CANVAS_SHOTS_DIR ?? "/tmp/canvas-shots";

/** Saves a screenshot of the viewport for looking at the canvas afterwards (not an assertion). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

type Point = { x: number; y: number };

/** The React Flow node (element or trust boundary) whose label is exactly `label`. */
export function nodeByLabel(page: Page, label: string): Locator {
  return page.locator(".react-flow__node").filter({ has: page.getByText(label, { exact: true }) });
}

/** The side panel that edits the selection (the model overview when nothing is selected). */
export function detailsPanel(page: Page): Locator {
  return page.getByRole("complementary", { name: "Details" });
}

export async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no bounding box`);
  return box;
}

export function centreOf(box: { x: number; y: number; width: number; height: number }): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag in small steps, as a person does it (React Flow needs intermediate moves). */
export async function dragWithMouse(page: Page, from: Point, to: Point, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // A first small move crosses React Flow's drag threshold before the real path.
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Drags a node by its centre so that its centre ends at `to` (screen coordinates). */
export async function dragNodeTo(page: Page, node: Locator, to: Point): Promise<void> {
  await dragWithMouse(page, centreOf(await boxOf(node)), to);
}

/**
 * Signs a fresh account up and in, and creates a workspace and an empty model for it through the
 * API (for tests whose journey starts on the canvas). Returns the model id.
 */
export async function freshModel(
  page: Page,
  request: APIRequestContext,
  baseURL: string | undefined,
  origin: string,
  prefix: string,
  document?: unknown,
): Promise<{ account: Account; modelId: string; modelName: string }> {
  const account = await signUpViaApi(request, baseURL, prefix);
  await signIn(page, account.email, account.password);
  const api = apiAs(page, origin);
  const workspaceId = await createWorkspaceViaApi(api, unique("Canvas space"));
  const modelName = unique("Canvas model");
  const response = await api.post(`/api/v1/workspaces/${workspaceId}/models`, {
    name: modelName,
    ...(document === undefined ? {} : { document }),
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { account, modelId: id, modelName };
}

/** Opens a model's editor and waits until the diagram is interactive. */
export async function openModel(page: Page, modelId: string, modelName: string): Promise<void> {
  await page.goto(`/models/${modelId}`);
  await expect(page.getByRole("heading", { level: 1, name: modelName })).toBeVisible();
  await expect(page.locator(".react-flow__pane")).toBeVisible();
}

/** Signs a demo account in and opens the demo model from its workspace page. */
export async function openDemoModel(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.getByRole("link", { name: DEMO_MODEL }).first().click();
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_MODEL })).toBeVisible();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
}

/** Adds an element with its palette button (it lands in the middle of the view, selected) and names it. */
export async function addFromPalette(page: Page, kindLabel: string, label: string): Promise<Locator> {
  await page.getByRole("button", { name: `Add ${kindLabel}`, exact: true }).click();
  const details = detailsPanel(page);
  const input = details.getByLabel("Label", { exact: true });
  await expect(input).toBeVisible();
  await input.fill(label);
  const node = nodeByLabel(page, label);
  await expect(node).toBeVisible();
  await expect(node).toHaveClass(/\bselected\b/);
  return node;
}

/** The trust boundary the element inspector reports for the selected element. */
export function inspectorBoundary(page: Page): Locator {
  return detailsPanel(page)
    .locator("dt")
    .filter({ hasText: /^Trust boundary$/ })
    .locator("xpath=following-sibling::dd[1]");
}
