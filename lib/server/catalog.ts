import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import {
  CATALOG_FRAMEWORKS,
  CATALOG_MITIGATIONS,
  CATALOG_THREATS,
  type CatalogMitigation,
  type CatalogThreat,
  findCatalogThreat,
  type Rating,
  refersToFramework,
} from "@/lib/catalog";
import { CatalogRefSchema, categoriesFromRefs } from "@/lib/catalog/refs";
import { db, type Prisma } from "@/lib/db/client";
import { type ThreatModelDocument, ThreatModelDocumentSchema } from "@/lib/domain/document";
import { ELEMENT_KINDS } from "@/lib/domain/kinds";
import { type Suggestion, suggestThreats } from "@/lib/rules/suggest";
import { TEMPLATES } from "@/lib/templates";
import { type Actor, workspaceWhereActorCan } from "./actor";
import { recordAudit } from "./audit";

export const CatalogThreatQuerySchema = z.object({
  framework: z.enum(CATALOG_FRAMEWORKS).optional(),
  q: z.string().max(200).optional(),
  /** Include this workspace's custom entries (when the caller is a member). */
  workspace: z.string().min(1).optional(),
});
export const CatalogMitigationQuerySchema = z.object({
  q: z.string().max(200).optional(),
  workspace: z.string().min(1).optional(),
});

type StoredThreat = CatalogThreat & { custom?: boolean };
type StoredMitigation = CatalogMitigation & { custom?: boolean };

let seeding: Promise<void> | null = null;

/**
 * Writes the built-in catalog (lib/catalog) into the database, once per process: one statement
 * upserts every entry whose content changed, and built-ins no longer in the code are removed.
 * Idempotent: a second run changes nothing.
 */
export function ensureBuiltInCatalog(): Promise<void> {
  seeding ??= seedBuiltInCatalog().catch((error: unknown) => {
    seeding = null;
    throw error;
  });
  return seeding;
}

/** Runs the seeding statement again regardless of the once-per-process memo (tests only). */
export const seedBuiltInCatalogForTests = () => seedBuiltInCatalog();

async function seedBuiltInCatalog(): Promise<void> {
  const rows = [
    ...CATALOG_THREATS.map((data) => ({ id: data.id, type: "THREAT", title: data.title, data })),
    ...CATALOG_MITIGATIONS.map((data) => ({ id: data.id, type: "MITIGATION", title: data.title, data })),
  ];
  await db().$transaction([
    db().$executeRaw`
      INSERT INTO "CatalogEntry" ("id", "type", "workspaceId", "title", "data", "updatedAt")
      SELECT r."id", r."type"::"CatalogEntryType", NULL, r."title", r."data", CURRENT_TIMESTAMP
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("id" text, "type" text, "title" text, "data" jsonb)
      ON CONFLICT ("id") DO UPDATE
        SET "title" = EXCLUDED."title", "data" = EXCLUDED."data", "updatedAt" = CURRENT_TIMESTAMP
        WHERE "CatalogEntry"."workspaceId" IS NULL
          AND ("CatalogEntry"."data" <> EXCLUDED."data" OR "CatalogEntry"."title" <> EXCLUDED."title")`,
    db().catalogEntry.deleteMany({ where: { workspaceId: null, id: { notIn: rows.map((row) => row.id) } } }),
  ]);
}

/** Built-in entries in catalog order, then the workspace's custom ones (oldest first). */
async function loadEntries(actor: Actor, type: "THREAT" | "MITIGATION", workspace: string | undefined) {
  await ensureBuiltInCatalog();
  const rows = await db().catalogEntry.findMany({
    where: {
      type,
      OR: [
        { workspaceId: null },
        ...(workspace
          ? [{ workspaceId: workspace, workspace: workspaceWhereActorCan(actor, "model:read") }]
          : []),
      ],
    },
    select: { id: true, workspaceId: true, data: true, createdAt: true },
  });
  const order = new Map(
    (type === "THREAT" ? CATALOG_THREATS : CATALOG_MITIGATIONS).map((entry, index) => [entry.id, index]),
  );
  const rank = (row: (typeof rows)[number]) => order.get(row.id) ?? Number.MAX_SAFE_INTEGER;
  return rows
    .sort((a, b) => rank(a) - rank(b) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => ({ ...(row.data as object), custom: row.workspaceId !== null }));
}

function matches(entry: { id: string; title: string; description: string; refs: readonly string[] }, q = "") {
  const needle = q.trim().toLowerCase();
  return (
    !needle ||
    [entry.id, entry.title, entry.description, ...entry.refs].some((t) => t.toLowerCase().includes(needle))
  );
}

/** The public shape of a catalog threat (API.md), plus the defaults the canvas uses when adding it. */
function toThreatView(threat: StoredThreat) {
  return {
    id: threat.id,
    title: threat.title,
    description: threat.description,
    refs: threat.refs,
    appliesTo: threat.appliesTo,
    appliesToFlows: threat.appliesToFlows ?? false,
    mitigationIds: threat.mitigationIds,
    defaultLikelihood: threat.defaultLikelihood,
    defaultImpact: threat.defaultImpact,
    indicators: threat.indicators,
    categories: threat.categories,
    custom: threat.custom ?? false,
  };
}

export async function listCatalogThreats(actor: Actor, query: z.infer<typeof CatalogThreatQuerySchema>) {
  const threats = (await loadEntries(actor, "THREAT", query.workspace)) as StoredThreat[];
  return threats
    .filter(
      (t) =>
        (query.framework === undefined || refersToFramework(t.refs, query.framework)) && matches(t, query.q),
    )
    .map(toThreatView);
}

export async function listCatalogMitigations(
  actor: Actor,
  query: z.infer<typeof CatalogMitigationQuerySchema>,
) {
  const [mitigations, threats] = await Promise.all([
    loadEntries(actor, "MITIGATION", query.workspace) as Promise<StoredMitigation[]>,
    loadEntries(actor, "THREAT", query.workspace) as Promise<StoredThreat[]>,
  ]);
  return mitigations
    .filter((m) => matches(m, query.q))
    .map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      refs: m.refs,
      threatIds: threats.filter((t) => t.mitigationIds.includes(m.id)).map((t) => t.id),
      nistFunction: m.nistFunction,
      custom: m.custom ?? false,
    }));
}

const rating = () => z.int("must be an integer from 1 to 5").min(1).max(5).default(3);

export const CustomThreatSchema = z.object({
  title: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().trim().max(4000).default(""),
  refs: z.array(CatalogRefSchema).max(30).default([]),
  appliesTo: z.array(z.enum(ELEMENT_KINDS)).max(ELEMENT_KINDS.length).default([]),
  appliesToFlows: z.boolean().default(false),
  defaultLikelihood: rating(),
  defaultImpact: rating(),
  indicators: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  mitigationIds: z.array(z.string().min(1)).max(30).default([]),
});

export const CustomMitigationSchema = z.object({
  title: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().trim().max(4000).default(""),
  refs: z.array(CatalogRefSchema).max(30).default([]),
  nistFunction: z.enum(["govern", "map", "measure", "manage"]),
});

const customId = (prefix: string) => `custom-${prefix}-${randomBytes(6).toString("hex")}`;

/** Adds a workspace's own threat to its catalog (owners and editors); linked mitigations must exist. */
export async function createCustomThreat(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof CustomThreatSchema>,
) {
  await ensureBuiltInCatalog();
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { id: workspaceId, ...workspaceWhereActorCan(actor, "model:create") },
      select: { id: true },
    });
    if (!workspace) throw notFound("Workspace");
    const known = await tx.catalogEntry.findMany({
      where: {
        id: { in: input.mitigationIds },
        type: "MITIGATION",
        OR: [{ workspaceId: null }, { workspaceId }],
      },
      select: { id: true },
    });
    const missing = input.mitigationIds.filter((id) => !known.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new AppError(
        "validation_failed",
        `mitigationIds: no catalog mitigation with id ${missing.join(", ")}`,
      );
    }
    const threat: CatalogThreat = {
      id: customId("t"),
      ...input,
      defaultLikelihood: input.defaultLikelihood as Rating,
      defaultImpact: input.defaultImpact as Rating,
      categories: categoriesFromRefs(input.refs),
    };
    await tx.catalogEntry.create({
      data: {
        id: threat.id,
        type: "THREAT",
        workspaceId,
        title: threat.title,
        data: threat as Prisma.InputJsonObject,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "catalog.create",
      targetType: "CatalogEntry",
      targetId: threat.id,
    });
    return toThreatView({ ...threat, custom: true });
  });
}

export async function createCustomMitigation(
  actor: Actor,
  workspaceId: string,
  input: z.infer<typeof CustomMitigationSchema>,
) {
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { id: workspaceId, ...workspaceWhereActorCan(actor, "model:create") },
      select: { id: true },
    });
    if (!workspace) throw notFound("Workspace");
    const mitigation: CatalogMitigation = { id: customId("m"), ...input };
    await tx.catalogEntry.create({
      data: { id: mitigation.id, type: "MITIGATION", workspaceId, title: mitigation.title, data: mitigation },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "catalog.create",
      targetType: "CatalogEntry",
      targetId: mitigation.id,
    });
    return { ...mitigation, threatIds: [], custom: true };
  });
}

/** Removes a custom entry; built-in entries are read-only (and so not found in a workspace). */
export async function deleteCustomEntry(actor: Actor, workspaceId: string, entryId: string) {
  await db().$transaction(async (tx) => {
    const deleted = await tx.catalogEntry.deleteMany({
      where: { id: entryId, workspaceId, workspace: workspaceWhereActorCan(actor, "model:create") },
    });
    if (deleted.count === 0) throw notFound("Custom catalog entry");
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "catalog.delete",
      targetType: "CatalogEntry",
      targetId: entryId,
    });
  });
}

export function listTemplates() {
  return TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name,
    description: template.description,
    parameters: template.parameters,
  }));
}

export const SuggestSchema = z.object({ document: ThreatModelDocumentSchema });

/** Catalog threats the document's diagram calls for, each with the rule and the reason. Pure. */
export function suggestForDocument(document: ThreatModelDocument): { suggestions: Suggestion[] } {
  return { suggestions: suggestThreats(document, findCatalogThreat) };
}
