/**
 * How the canvas draws what people work on, beyond what it shows: a dragged element and its flows
 * get compositor layers of their own, and a zoomed-out diagram is an overview without handles or
 * kind icons (both measured in docs/benchmarks.md).
 */
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
