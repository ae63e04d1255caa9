import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as mitigationsRoute from "@/app/api/v1/catalog/mitigations/route";
import * as threatsRoute from "@/app/api/v1/catalog/threats/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as suggestRoute from "@/app/api/v1/suggest/route";
import * as templatesRoute from "@/app/api/v1/templates/route";
import * as customEntryRoute from "@/app/api/v1/workspaces/[ws]/catalog/[entryId]/route";
import * as customMitigationsRoute from "@/app/api/v1/workspaces/[ws]/catalog/mitigations/route";
import * as customThreatsRoute from "@/app/api/v1/workspaces/[ws]/catalog/threats/route";
import * as modelsRoute from "@/app/api/v1/workspaces/[ws]/models/route";
import { db } from "@/lib/db/client";
import { demoDocument } from "@/lib/db/seed";
import { call, createWorld, expectBody, expectError, type World } from "../fixtures";

/* The catalog, template and suggestion endpoints of API.md, and creating a model from a template. */

let world: World;

beforeAll(async () => {
  world = await createWorld("catalog-api");
});

const ThreatListSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    refs: z.array(z.string()),
    appliesTo: z.array(z.string()),
    mitigationIds: z.array(z.string()),
  }),
);
const MitigationListSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    refs: z.array(z.string()),
    threatIds: z.array(z.string()),
    nistFunction: z.enum(["govern", "map", "measure", "manage"]),
  }),
);
const SuggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      catalogId: z.string(),
      title: z.string(),
      targetIds: z.array(z.string()).min(1),
      refs: z.array(z.string()),
      ruleId: z.string(),
      reason: z.string().min(1),
      mitigationIds: z.array(z.string()),
    }),
  ),
});

const asViewer = () => ({ token: world.users.VIEWER.token });

describe("GET /catalog/threats and /catalog/mitigations", () => {
  it("lists at least 120 threats and 60 mitigations, all ATLAS mitigations among them", async () => {
    const threats = expectBody(await call(threatsRoute, "GET", asViewer()), 200, ThreatListSchema);
    const mitigations = expectBody(
      await call(mitigationsRoute, "GET", asViewer()),
      200,
      MitigationListSchema,
    );
    expect(threats.length).toBeGreaterThanOrEqual(120);
    expect(mitigations.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(mitigations.map((m) => m.id));
    for (let n = 0; n <= 34; n++) expect(ids.has(`AML.M${String(n).padStart(4, "0")}`)).toBe(true);
    // Links agree both ways.
    const byId = new Map(mitigations.map((m) => [m.id, m]));
    for (const threat of threats) {
      for (const id of threat.mitigationIds) expect(byId.get(id)?.threatIds).toContain(threat.id);
    }
  });

  it("filters by framework and text", async () => {
    const list = async (query: Record<string, string>) =>
      expectBody(await call(threatsRoute, "GET", { ...asViewer(), query }), 200, ThreatListSchema);
    const llm = await list({ framework: "owasp-llm" });
    expect(llm.length).toBeGreaterThan(0);
    expect(llm.every((t) => t.refs.some((ref) => /^LLM\d\d:2025$/.test(ref)))).toBe(true);
    const atlas = await list({ framework: "atlas", q: "AML.T0051" });
    expect(atlas.length).toBeGreaterThan(0);
    expect(atlas.every((t) => t.refs.some((ref) => ref.startsWith("AML.T0051")))).toBe(true);
    expect(await list({ q: "no such threat anywhere" })).toEqual([]);
  });

  it("names a bad framework (422)", async () => {
    const result = await call(threatsRoute, "GET", { ...asViewer(), query: { framework: "cobit" } });
    expect(expectError(result, 422, "validation_failed").message).toContain("framework");
  });
});

describe("POST /suggest", () => {
  it("suggests threats for the demo model with reasons naming its elements, and stores nothing", async () => {
    const before = await db().threatModel.count();
    const document = { ...demoDocument(), threats: [], mitigations: [] };
    const result = await call(suggestRoute, "POST", { ...asViewer(), body: { document } });
    const { suggestions } = expectBody(result, 200, SuggestionsSchema);
    expect(suggestions.length).toBeGreaterThan(0);
    const labels = new Set(document.elements.map((e) => e.label));
    for (const suggestion of suggestions) {
      expect(
        [...labels].some((label) => suggestion.reason.includes(label)),
        suggestion.reason,
      ).toBe(true);
    }
    expect(await db().threatModel.count()).toBe(before);
  });

  it("leaves out what the document already has", async () => {
    const document = { ...demoDocument(), threats: [], mitigations: [] };
    const first = expectBody(
      await call(suggestRoute, "POST", { ...asViewer(), body: { document } }),
      200,
      SuggestionsSchema,
    ).suggestions;
    const [taken] = first;
    if (!taken) throw new Error("expected a suggestion");
    const withIt = {
      ...document,
      threats: [
        { id: "t-taken", title: taken.title, catalogId: taken.catalogId, targetIds: taken.targetIds },
      ],
    };
    const second = expectBody(
      await call(suggestRoute, "POST", { ...asViewer(), body: { document: withIt } }),
      200,
      SuggestionsSchema,
    ).suggestions;
    expect(second).toHaveLength(first.length - 1);
    expect(
      second.some((s) => s.catalogId === taken.catalogId && s.targetIds.join() === taken.targetIds.join()),
    ).toBe(false);
  });

  it("answers 422 naming the path of an invalid document", async () => {
    const result = await call(suggestRoute, "POST", {
      ...asViewer(),
      body: { document: { schemaVersion: 1, flows: [{ id: "f", source: "a", target: "b" }] } },
    });
    expect(expectError(result, 422, "validation_failed").message).toContain("document.flows.0");
  });
});

describe("templates", () => {
  const TemplateListSchema = z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      parameters: z.array(z.object({ id: z.string() })),
    }),
  );

  it("lists at least five templates", async () => {
    const templates = expectBody(await call(templatesRoute, "GET", asViewer()), 200, TemplateListSchema);
    expect(templates.length).toBeGreaterThanOrEqual(5);
    expect(templates.map((t) => t.id)).toContain("rag-assistant");
  });

  it("creates a model from a template whose parameters change the canvas", async () => {
    const create = async (parameters: Record<string, boolean>) => {
      const result = await call(modelsRoute, "POST", {
        token: world.users.EDITOR.token,
        params: { ws: world.workspace.id },
        body: { name: `RAG ${JSON.stringify(parameters)}`, templateId: "rag-assistant", parameters },
      });
      const { id } = expectBody(result, 201, z.object({ id: z.string(), headVersion: z.literal(1) }));
      const model = await call(modelRoute, "GET", { token: world.users.VIEWER.token, params: { id } });
      return (model.json as { document: { title: string; elements: { id: string }[] } }).document;
    };
    const plain = await create({});
    expect(plain.title).toBe("RAG {}");
    expect(plain.elements.length).toBeGreaterThan(3);
    const templates = expectBody(await call(templatesRoute, "GET", asViewer()), 200, TemplateListSchema);
    const parameter = templates.find((t) => t.id === "rag-assistant")?.parameters[0]?.id;
    if (!parameter) throw new Error("rag-assistant has parameters");
    const flipped = await create({ [parameter]: !(await defaultOf(parameter)) });
    expect(JSON.stringify(flipped.elements)).not.toBe(JSON.stringify(plain.elements));
  });

  it("names an unknown template or parameter (422) and creates nothing", async () => {
    const before = await db().threatModel.count({ where: { workspaceId: world.workspace.id } });
    const post = (body: unknown) =>
      call(modelsRoute, "POST", {
        token: world.users.EDITOR.token,
        params: { ws: world.workspace.id },
        body,
      });
    expect(expectError(await post({ name: "x", templateId: "nope" }), 422).message).toContain("templateId");
    expect(
      expectError(await post({ name: "x", templateId: "rag-assistant", parameters: { bogus: true } }), 422)
        .message,
    ).toContain("parameters");
    expect(
      expectError(
        await post({ name: "x", templateId: "rag-assistant", parameters: { exposedToInternet: "yes" } }),
        422,
      ).message,
    ).toContain("parameters");
    expect(await db().threatModel.count({ where: { workspaceId: world.workspace.id } })).toBe(before);
  });
});

async function defaultOf(parameterId: string): Promise<boolean> {
  const { findTemplate } = await import("@/lib/templates");
  return findTemplate("rag-assistant")?.parameters.find((p) => p.id === parameterId)?.default ?? false;
}

describe("custom catalog entries", () => {
  it("lets editors add threats and mitigations to their workspace's catalog, visible to members only", async () => {
    const ws = world.workspace.id;
    const mitigation = await call(customMitigationsRoute, "POST", {
      token: world.users.EDITOR.token,
      params: { ws },
      body: {
        title: "Quarterly red-team of the copilot",
        refs: ["NIST:MEASURE-2.7"],
        nistFunction: "measure",
      },
    });
    const control = expectBody(mitigation, 201, z.object({ id: z.string().startsWith("custom-") }));
    const threat = await call(customThreatsRoute, "POST", {
      token: world.users.OWNER.token,
      params: { ws },
      body: {
        title: "Copilot leaks case notes into chat transcripts",
        refs: ["LLM02:2025", "STRIDE:I"],
        appliesTo: ["llm-agent"],
        mitigationIds: [control.id, "AML.M0004"],
      },
    });
    const created = expectBody(
      threat,
      201,
      z.object({
        id: z.string(),
        categories: z.object({ stride: z.array(z.string()), owaspLlm: z.array(z.string()) }),
      }),
    );
    expect(created.categories).toMatchObject({ stride: ["I"], owaspLlm: ["LLM02:2025"] });

    const listed = (token: string) =>
      call(threatsRoute, "GET", { token, query: { workspace: ws, q: "case notes" } });
    expect(
      expectBody(await listed(world.users.VIEWER.token), 200, ThreatListSchema).map((t) => t.id),
    ).toEqual([created.id]);
    // Someone outside the workspace asking for its entries gets the built-ins only.
    expect(expectBody(await listed(world.foreign.owner.token), 200, ThreatListSchema)).toEqual([]);
    const mitigations = expectBody(
      await call(mitigationsRoute, "GET", { ...asViewer(), query: { workspace: ws, q: "red-team" } }),
      200,
      MitigationListSchema,
    );
    expect(mitigations[0]?.threatIds).toEqual([created.id]);

    // Built-in entries are read-only; custom ones can be removed.
    const builtIn = await call(customEntryRoute, "DELETE", {
      token: world.users.OWNER.token,
      params: { ws, entryId: "AML.M0004" },
    });
    expectError(builtIn, 404, "not_found");
    const removed = await call(customEntryRoute, "DELETE", {
      token: world.users.OWNER.token,
      params: { ws, entryId: created.id },
    });
    expect(removed.status).toBe(204);
    expect(await db().catalogEntry.count({ where: { id: created.id } })).toBe(0);
    expect(await db().catalogEntry.count({ where: { id: "AML.M0004" } })).toBe(1);
  });

  it("names bad references and unknown mitigations (422), writing nothing", async () => {
    const before = await db().catalogEntry.count();
    const post = (body: unknown) =>
      call(customThreatsRoute, "POST", {
        token: world.users.EDITOR.token,
        params: { ws: world.workspace.id },
        body,
      });
    expect(expectError(await post({ title: "x", refs: ["not a ref"] }), 422).message).toContain("refs.0");
    expect(
      expectError(await post({ title: "x", mitigationIds: ["no-such-control"] }), 422).message,
    ).toContain("no-such-control");
    expect(expectError(await post({ title: "", defaultImpact: 9 }), 422).message).toContain("title");
    expect(await db().catalogEntry.count()).toBe(before);
  });

  it("seeds the built-in catalog idempotently", async () => {
    const { ensureBuiltInCatalog } = await import("@/lib/server/catalog");
    await ensureBuiltInCatalog();
    const first = await db().catalogEntry.findMany({
      where: { workspaceId: null },
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    const { CATALOG_THREATS, CATALOG_MITIGATIONS } = await import("@/lib/catalog");
    expect(first).toHaveLength(CATALOG_THREATS.length + CATALOG_MITIGATIONS.length);
    // A second seeding (a restart) rewrites nothing.
    const { seedBuiltInCatalogForTests } = await import("@/lib/server/catalog");
    await seedBuiltInCatalogForTests();
    const second = await db().catalogEntry.findMany({
      where: { workspaceId: null },
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    expect(second).toEqual(first);
  });
});
