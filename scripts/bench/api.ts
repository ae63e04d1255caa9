import { performance } from "node:perf_hooks";
import { findCatalogThreat } from "@/lib/catalog";
import { diffDocuments } from "@/lib/domain/diff";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { generatedDocument } from "@/lib/domain/fixtures/generated";
import { suggestThreats } from "@/lib/rules/suggest";
import { storedContent } from "@/lib/server/version-rows";
import { SaveVersionSchema } from "@/lib/server/versions";
import type { BenchServer } from "./server";
import { percentile, type Row } from "./stats";

const SAVE_WARMUP = 20;
const SAVE_RUNS = 100;

type Sample = { roundTrip: number; server: number; phases: Record<string, number> };

/** Times one request: the full round trip, and the server's own figure from `Server-Timing: app;dur=`. */
async function timed(url: string, init: RequestInit): Promise<{ sample: Sample; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  const roundTrip = performance.now() - started;
  if (!response.ok)
    throw new Error(`${init.method ?? "GET"} ${url} -> ${response.status}: ${JSON.stringify(body)}`);
  const phases: Record<string, number> = {};
  for (const [, name, ms] of (response.headers.get("server-timing") ?? "").matchAll(/(\w+);dur=([\d.]+)/g))
    if (name && ms) phases[name] = Number(ms);
  return { sample: { roundTrip, server: phases.app ?? Number.NaN, phases }, body };
}

const stats = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;

function rows(label: string, samples: Sample[], target: string): Row[] {
  return [
    { benchmark: `${label}, server side`, value: `${stats(samples.map((s) => s.server))}${target}` },
    { benchmark: `${label}, HTTP round trip on loopback`, value: stats(samples.map((s) => s.roundTrip)) },
  ];
}

/** A version of `doc` that a busy review session could produce: moves, renames, removals, additions. */
export function reworked(doc: ThreatModelDocument): ThreatModelDocument {
  const components = doc.elements.filter((e) => e.kind !== "trust-boundary");
  const removed = new Set(components.slice(0, 20).map((e) => e.id));
  const elements = doc.elements
    .filter((e) => !removed.has(e.id))
    .map((e, i) => {
      if (i % 10 === 0) return { ...e, position: { x: e.position.x + 40, y: e.position.y } };
      if (i % 20 === 5) return { ...e, label: `${e.label} (renamed)` };
      return e;
    });
  const added = components.slice(20, 40).map((e) => ({ ...e, id: `${e.id}-copy`, label: `${e.label} copy` }));
  return ThreatModelDocumentSchema.parse({
    ...doc,
    elements: [...elements, ...added],
    flows: doc.flows.filter((f) => !removed.has(f.source) && !removed.has(f.target)),
    threats: doc.threats.map((t, i) => ({
      ...t,
      targetIds: t.targetIds.filter((id) => !removed.has(id)),
      ...(i % 3 === 0 ? { likelihood: 5 } : {}),
    })),
  });
}

/** Version save, history listing, diff and suggestions through the HTTP API, plus the pure functions alone. */
export async function apiSuite(server: BenchServer, model: { id: string }, historyModel: { id: string }) {
  const headers = { authorization: `Bearer ${server.user.token}`, "content-type": "application/json" };
  const modelUrl = `${server.url}/api/v1/models/${model.id}`;
  const head = (await (await fetch(modelUrl, { headers })).json()) as {
    headVersion: number;
    document: ThreatModelDocument;
  };
  const firstVersion = head.headVersion;
  let base = head.headVersion;
  const saves: Sample[] = [];
  // 100 measured saves: with 30, the p95 was the second-slowest request and moved by 20 ms between
  // back-to-back runs on this shared 2-core machine.
  for (let i = 0; i < SAVE_WARMUP + SAVE_RUNS; i++) {
    const document = { ...head.document, title: `Bench save ${i}` };
    const { sample, body } = await timed(`${modelUrl}/versions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ baseVersion: base, document, message: `bench ${i}` }),
    });
    // The first saves warm the server up (JIT, connection pool); they are not counted.
    if (i >= SAVE_WARMUP) saves.push(sample);
    base = (body as { number: number }).number;
  }
  const lists: Sample[] = [];
  for (let i = 0; i < 25; i++) {
    const { sample } = await timed(`${server.url}/api/v1/models/${historyModel.id}/versions`, { headers });
    if (i >= 5) lists.push(sample);
  }

  const changed = reworked(head.document);
  const { body: saved } = await timed(`${modelUrl}/versions`, {
    method: "POST",
    headers,
    body: JSON.stringify({ baseVersion: base, document: changed, message: "reworked" }),
  });
  const changedVersion = (saved as { number: number }).number;
  const diffs: Sample[] = [];
  for (let i = 0; i < 25; i++) {
    const url = `${modelUrl}/diff?from=${firstVersion}&to=${changedVersion}`;
    const { sample } = await timed(url, { headers });
    if (i >= 5) diffs.push(sample);
  }

  const original = ThreatModelDocumentSchema.parse(generatedDocument(1000, 1500));
  const other = reworked(original);
  const pure: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    diffDocuments(original, other);
    if (i >= 10) pure.push(performance.now() - started);
  }

  // Where a save's time goes before the database: validating the body and canonicalising it.
  const saveBody = JSON.stringify({ baseVersion: 1, document: original, message: "" });
  const validate: number[] = [];
  const canonical: number[] = [];
  for (let i = 0; i < 40; i++) {
    let started = performance.now();
    const input = SaveVersionSchema.parse(JSON.parse(saveBody));
    if (i >= 10) validate.push(performance.now() - started);
    started = performance.now();
    storedContent(input.document);
    if (i >= 10) canonical.push(performance.now() - started);
  }

  const suggestions: Sample[] = [];
  for (let i = 0; i < 25; i++) {
    const { sample } = await timed(`${server.url}/api/v1/suggest`, {
      method: "POST",
      headers,
      body: JSON.stringify({ document: original }),
    });
    if (i >= 5) suggestions.push(sample);
  }
  const pureSuggest: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    suggestThreats(original, findCatalogThreat);
    if (i >= 5) pureSuggest.push(performance.now() - started);
  }

  return [
    ...rows(
      "Suggest threats for a 1,000-element document via `POST /suggest` (20 requests)",
      suggestions,
      "; target ≤ 200 ms",
    ),
    {
      benchmark: "Suggest threats for a 1,000-element document, `suggestThreats` alone (25 runs)",
      value: stats(pureSuggest),
    },
    ...rows(
      `Save a version of a 1,000-element document (${SAVE_RUNS} saves after ${SAVE_WARMUP} warm-up)`,
      saves,
      "; target p95 ≤ 50 ms",
    ),
    {
      benchmark: "Save of a 1,000-element document, server side by phase (Server-Timing)",
      value: ["auth", "receive", "parse", "validate", "handler"]
        .map((phase) => `${phase} ${stats(saves.map((s) => s.phases[phase] ?? Number.NaN))}`)
        .join("; "),
    },
    {
      benchmark: "Save body of a 1,000-element document: JSON.parse and zod validation alone (30 runs)",
      value: stats(validate),
    },
    {
      benchmark: "Save of a 1,000-element document: canonical JSON and sha256 alone (30 runs)",
      value: stats(canonical),
    },
    ...rows("List a history of 1,000 versions (20 requests)", lists, "; target ≤ 100 ms"),
    ...rows("Diff two 1,000-element versions via `GET /diff` (20 requests)", diffs, "; target ≤ 50 ms"),
    { benchmark: "Diff two 1,000-element documents, `diffDocuments` alone (50 runs)", value: stats(pure) },
  ] satisfies Row[];
}
