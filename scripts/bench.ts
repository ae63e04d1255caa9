/**
 * `npm run bench`: measures Trustboard on this machine and prints a Markdown table.
 *   npm run bench              all suites
 *   npm run bench -- canvas    canvas render and drag in headless Chromium (production build)
 *   npm run bench -- api       version save, history listing and diff over HTTP on loopback
 *   npm run bench -- collab    live editing: propagation, persisted state size, server memory
 * It starts its own server on a fresh embedded PostgreSQL in .data/bench (never your data).
 */
import { rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { buildApp, isBuildCurrent } from "@/lib/runtime/build";
import { CHROMIUM_ARGS, ensureChromium } from "@/lib/runtime/chromium";
import { apiSuite } from "./bench/api";
import { collabSuite } from "./bench/collab";
import { seedBenchData } from "./bench/seed";
import { type BenchServer, startBenchServer } from "./bench/server";
import { percentile, type Row } from "./bench/stats";

const suites = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const wants = (suite: string) => suites.length === 0 || suites.includes(suite);

// Page scripts are strings: tsx would wrap inline functions in helpers the page does not have.
type RenderTimes = { all: number; firstNode: number; firstByte: number; domReady: number };

/**
 * Resolves once every node and edge of the model is in the DOM, with when that happened, when the
 * first node appeared, and the navigation's first byte and DOMContentLoaded (all from navigation
 * start), to tell server, script loading and drawing apart.
 */
function untilRendered(nodes: number, edges: number): string {
  return `new Promise((resolve) => {
    let firstNode = 0;
    const check = () => {
      const n = document.querySelectorAll(".react-flow__node").length;
      const e = document.querySelectorAll(".react-flow__edge").length;
      if (n > 0 && !firstNode) firstNode = performance.now();
      if (n >= ${nodes} && e >= ${edges}) {
        const nav = performance.getEntriesByType("navigation")[0];
        resolve({ all: performance.now(), firstNode, firstByte: nav ? nav.responseStart : 0,
          domReady: nav ? nav.domContentLoadedEventEnd : 0 });
      } else requestAnimationFrame(check);
    };
    check();
  })`;
}

/**
 * A frame interval longer than this missed at least one 60 Hz display refresh ("late"); an interval
 * on the beat reads about 16.7 ms, give or take timer jitter.
 */
const LATE_FRAME_MS = 25;

/** Records the interval between animation frames into window.__frames until told to stop. */
const START_FRAME_RECORDER = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function canvasSuite(
  server: BenchServer,
  models: { id: string; elements: number; flows: number }[],
): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/signin`);
    await page.getByLabel("Email").fill(server.user.email);
    await page.getByLabel("Password").fill(server.user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\//);
    for (const model of models) {
      const renders: RenderTimes[] = [];
      for (let run = 0; run < 3; run++) {
        // From a blank page, as someone arriving at the model: otherwise the previous load's live
        // sync, still running, would hold up this navigation and be counted in it.
        await page.goto("about:blank");
        await page.goto(`${server.url}/models/${model.id}`, { waitUntil: "commit" });
        // Time from navigation start until every node and edge of the model is in the DOM.
        renders.push(await page.evaluate<RenderTimes>(untilRendered(model.elements, model.flows)));
      }
      const median = (key: keyof RenderTimes) =>
        Math.round(
          percentile(
            renders.map((r) => r[key]),
            50,
          ),
        );
      rows.push({
        benchmark: `First complete render, ${model.elements} elements / ${model.flows} flows (median of 3)`,
        value: `${median("all")} ms`,
      });
      rows.push({
        benchmark: `Where that time goes, ${model.elements} elements (medians, from navigation start)`,
        value: `first byte ${median("firstByte")} ms, DOM ready ${median("domReady")} ms, first node ${median("firstNode")} ms, all nodes and flows ${median("all")} ms`,
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Performance.enable");
      const before = await cpuMetrics(cdp);
      const frames = await dragFrames(page);
      const after = await cpuMetrics(cdp);
      const spent = (name: string) =>
        `${Math.round(((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000)} ms`;
      rows.push({
        benchmark: `Main-thread time during that drag, ${model.elements} elements`,
        value: `script ${spent("ScriptDuration")}, style ${spent("RecalcStyleDuration")}, layout ${spent("LayoutDuration")}, all tasks ${spent("TaskDuration")}`,
      });
      rows.push({
        benchmark: `Frame time while dragging one node for 2 s, ${model.elements} elements`,
        value: `p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms (${frames.length} frames, ${frames.filter((f) => f > LATE_FRAME_MS).length} late)`,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** Chromium's cumulative main-thread counters (seconds), to say where drag time goes. */
async function cpuMetrics(cdp: import("@playwright/test").CDPSession): Promise<Map<string, number>> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

/**
 * The element node nearest the middle of the diagram: dragging it 120 px each way stays clear of
 * the pane's edges, where React Flow would pan the whole view along (auto-pan, not a drag).
 */
const MIDDLE_NODE_ID = `(() => {
  const pane = document.querySelector(".react-flow__pane").getBoundingClientRect();
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  let best = null;
  let bestDistance = Infinity;
  for (const node of document.querySelectorAll(
    ".react-flow__node-process, .react-flow__node-datastore, .react-flow__node-external-entity",
  )) {
    const r = node.getBoundingClientRect();
    const distance = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
    if (distance < bestDistance) {
      best = node.getAttribute("data-id");
      bestDistance = distance;
    }
  }
  return best;
})()`;

/** Drags an element node for two seconds while recording the interval between frames. */
async function dragFrames(page: import("@playwright/test").Page): Promise<number[]> {
  const id = await page.evaluate<string | null>(MIDDLE_NODE_ID);
  if (!id) return [];
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = await node.boundingBox();
  if (!box) return [];
  await page.evaluate(START_FRAME_RECORDER);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < 2_000) {
    step++;
    await page.mouse.move(x + Math.sin(step / 10) * 120, y + Math.cos(step / 10) * 60, { steps: 1 });
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  return page.evaluate<number[]>("(window.__recording = false, window.__frames.slice(2))");
}

async function main() {
  if (!isBuildCurrent()) {
    console.log("Building the app first ...");
    await buildApp();
  }
  rmSync(".data/bench", { recursive: true, force: true });
  const server = await startBenchServer(".data/bench");
  try {
    const seeded = await seedBenchData(server);
    const rows: Row[] = [];
    if (wants("canvas")) rows.push(...(await canvasSuite(server, seeded.canvasModels)));
    if (wants("api")) rows.push(...(await apiSuite(server, seeded.largeModel, seeded.historyModel)));
    if (wants("collab")) {
      const mid = seeded.canvasModels[1] as { id: string };
      rows.push(...(await collabSuite(server, { mid, many: seeded.liveModels })));
    }
    console.log(
      `\nCommand: npm run bench${suites.length ? ` -- ${suites.join(" ")}` : ""}  (${new Date().toISOString()})\n`,
    );
    console.log("| Benchmark | Result |\n| --- | --- |");
    for (const row of rows) console.log(`| ${row.benchmark} | ${row.value} |`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
