/**
 * How the canvas draws what people work on, beyond what it shows: a dragged element and its flows
 * get compositor layers of their own, and a zoomed-out diagram is an overview without handles or
 * kind icons (both measured in docs/benchmarks.md).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { boxOf, centreOf, freshModel, nodeByLabel, openModel, snap } from "./canvas-helpers";
import { expect, test } from "./fixtures";

test("a dragged element and its flows move on their own compositor layers, the rest stays put", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  const element = (id: string, x: number) => ({ id, kind: "process", label: id, position: { x, y: 80 } });
  const model = {
    schemaVersion: 1,
    title: "Layers",
    elements: [element("A", 0), element("B", 320), element("C", 640)],
    flows: [
      { id: "ab", source: "A", target: "B" },
      { id: "bc", source: "B", target: "C" },
    ],
  };
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "layers", model);
  await openModel(page, modelId, modelName);
  const willChange = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll(".react-flow__edge")].map((edge) => [
          edge.getAttribute("data-id"),
          (edge.closest("svg") as SVGSVGElement).style.willChange,
        ]),
      ),
    );
  await expect.poll(willChange).toEqual({ ab: "", bc: "" });

  const start = centreOf(await boxOf(nodeByLabel(page, "A")));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 30, start.y + 40, { steps: 4 });
  await expect(page.locator(".react-flow__node.dragging")).toHaveCount(1);
  await expect.poll(willChange).toEqual({ ab: "transform", bc: "" });
  await page.mouse.up();
  await expect.poll(willChange).toEqual({ ab: "", bc: "" });
});

test("zoomed out, the diagram is an overview: no handles or kind icons until you zoom in", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  const model = {
    schemaVersion: 1,
    title: "Overview",
    elements: [{ id: "A", kind: "training-job", label: "Trainer", position: { x: 0, y: 0 } }],
  };
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "overview", model);
  await openModel(page, modelId, modelName);
  const node = nodeByLabel(page, "Trainer");
  const handle = node.locator(".react-flow__handle").first();
  const icon = node.locator(".kind-icon");
  await expect(handle).toBeVisible();
  await expect(icon).toBeVisible();
  const zoom = () =>
    page.evaluate(() => {
      const style = document.querySelector(".react-flow__viewport")?.getAttribute("style") ?? "";
      return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? Number.NaN);
    });

  const zoomOut = page.getByRole("button", { name: "Zoom Out" });
  while ((await zoom()) >= 0.45) await zoomOut.click();
  await expect(handle).toBeHidden();
  await expect(icon).toBeHidden();
  await expect(node).toContainText("Trainer");
  await snap(page, "10-overview-zoom");

  const zoomIn = page.getByRole("button", { name: "Zoom In" });
  while ((await zoom()) < 0.45) await zoomIn.click();
  await expect(handle).toBeVisible();
  await expect(icon).toBeVisible();
});

test("flows are drawn where they run, follow a dragged element and take clicks", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  const model = {
    schemaVersion: 1,
    title: "Flows",
    elements: [
      { id: "A", kind: "process", label: "Scorer", position: { x: 0, y: 0 } },
      { id: "B", kind: "datastore", label: "Features", position: { x: 360, y: 160 } },
    ],
    flows: [{ id: "ab", source: "A", target: "B", label: "reads" }],
  };
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "flows", model);
  await openModel(page, modelId, modelName);
  // A screen point a third of the way along the flow (its label sits halfway), and what is there.
  const onFlow = () =>
    page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>(
        '.react-flow__edge[data-id="ab"] path.react-flow__edge-path',
      );
      const matrix = path?.getScreenCTM();
      if (!path || !matrix) return null;
      const point = path.getPointAtLength(path.getTotalLength() / 3).matrixTransform(matrix);
      const hit = document.elementFromPoint(point.x, point.y);
      return { x: point.x, y: point.y, isOnFlow: Boolean(hit?.closest('.react-flow__edge[data-id="ab"]')) };
    });
  // Painted: the pixels around that point change when the flow is hidden.
  const isPainted = async (point: { x: number; y: number } | null) => {
    const clip = { x: (point?.x ?? 0) - 8, y: (point?.y ?? 0) - 8, width: 16, height: 16 };
    const setShown = (shown: boolean) =>
      page.evaluate(
        (visibility) => {
          const svg = document.querySelector('.react-flow__edge[data-id="ab"]')?.closest("svg");
          if (svg) svg.style.visibility = visibility;
        },
        shown ? "" : "hidden",
      );
    const withFlow = await page.screenshot({ clip });
    await setShown(false);
    const withoutFlow = await page.screenshot({ clip });
    await setShown(true);
    return !withFlow.equals(withoutFlow);
  };
  const before = await onFlow();
  expect(before?.isOnFlow).toBe(true);
  expect(await isPainted(before)).toBe(true);

  // Mid-drag the flow is redrawn toward where the element is; after the drop it still takes clicks.
  const start = centreOf(await boxOf(nodeByLabel(page, "Scorer")));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + 120, { steps: 6 });
  await expect.poll(async () => ((await onFlow())?.y ?? 0) - (before?.y ?? 0)).toBeGreaterThan(30);
  await page.mouse.up();
  const after = await onFlow();
  expect(after?.isOnFlow).toBe(true);
  expect(await isPainted(after)).toBe(true);
  await page.mouse.click(after?.x ?? 0, after?.y ?? 0);
  await expect(page.locator(".react-flow__edge.selected")).toHaveAttribute("data-id", "ab");
});

test("the diagram exports as SVG and PNG, flows and labels included", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  const model = {
    schemaVersion: 1,
    title: "Export",
    elements: [
      { id: "A", kind: "inference-endpoint", label: "Scoring API", position: { x: 0, y: 0 } },
      { id: "B", kind: "datastore", label: "Feature DB", position: { x: 360, y: 160 } },
    ],
    flows: [{ id: "ab", source: "A", target: "B", label: "lookups" }],
  };
  const { modelId, modelName } = await freshModel(page, request, baseURL, origin, "export", model);
  await openModel(page, modelId, modelName);
  const download = async (item: string) => {
    await page.getByRole("button", { name: "Export" }).click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: item }).click(),
    ]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
  };

  const svg = await download("SVG image");
  expect(svg.name).toMatch(/\.svg$/);
  // The diagram's own markup inside the SVG (html-to-image wraps it in a foreignObject).
  const markup = svg.bytes.toString("utf8");
  // At full size: the image is the diagram's bounds plus a margin, drawn at zoom 1.
  expect(markup).toMatch(
    /class="react-flow__viewport[^"]*" style="transform: translate\([^)]*\) scale\(1\);/,
  );
  expect(markup).toContain("Scoring API");
  expect(markup).toContain("Feature DB");
  expect(markup).toContain("lookups");
  expect(markup).not.toContain("react-flow__handle");
  // The flow's path, with its drawing (not printing the markup: it carries every computed style).
  expect(
    /<path[^>]*\bd="M[^"]+"[^>]*class="react-flow__edge-path"|<path[^>]*class="react-flow__edge-path"[^>]*\bd="M/.test(
      markup,
    ),
  ).toBe(true);

  const png = await download("PNG image");
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  const shots = process.env.CANVAS_SHOTS_DIR ?? "/tmp/canvas-shots";
  mkdirSync(shots, { recursive: true });
  writeFileSync(path.join(shots, "11-export.png"), png.bytes);
});
