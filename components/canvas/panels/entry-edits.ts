import { linkCatalogMitigation } from "@/lib/catalog/accept";
import type { CatalogMitigation } from "@/lib/catalog/types";
import {
  type Asset,
  AssetSchema,
  type Mitigation,
  MitigationSchema,
  type Threat,
  ThreatSchema,
} from "@/lib/domain/document";

/**
 * Pure edits the panels make to threats, mitigations and assets before handing the whole entry to
 * the store's upsert actions. Optional text emptied by the user is removed rather than stored as "".
 */
export function withOptional<T extends object, K extends keyof T>(entry: T, key: K, value: T[K] | ""): T {
  const next = { ...entry };
  if (value === undefined || value === "") delete next[key];
  else next[key] = value;
  return next;
}

/** The list with `id` present or absent; the same array when nothing changes. */
export function toggleIn<T>(list: readonly T[], item: T, isOn: boolean): T[] {
  const has = list.includes(item);
  if (has === isOn) return list as T[];
  return isOn ? [...list, item] : list.filter((existing) => existing !== item);
}

export function newThreat(id: string, targetId: string): Threat {
  return ThreatSchema.parse({ id, title: "New threat", targetIds: [targetId] });
}

export function newMitigation(id: string, threatId: string): Mitigation {
  return MitigationSchema.parse({ id, title: "New mitigation", threatIds: [threatId] });
}

export function newAsset(id: string): Asset {
  return AssetSchema.parse({ id, name: "New asset" });
}

export function linkMitigation(mitigation: Mitigation, threatId: string, isLinked = true): Mitigation {
  const threatIds = toggleIn(mitigation.threatIds, threatId, isLinked);
  return threatIds === mitigation.threatIds ? mitigation : { ...mitigation, threatIds };
}

/**
 * The mitigation "Add from catalog" writes: the document's existing mitigation for that catalog
 * entry, now linked to the threat, or a new one taken from the entry (see linkCatalogMitigation).
 */
export function mitigationFromCatalog(
  mitigations: readonly Mitigation[],
  entry: CatalogMitigation,
  threatId: string,
  newId: () => string,
): Mitigation {
  return linkCatalogMitigation(mitigations, entry, threatId, newId);
}

/** The asset attached to or detached from an element. */
export function attachAsset(asset: Asset, elementId: string, isAttached: boolean): Asset {
  const elementIds = toggleIn(asset.elementIds, elementId, isAttached);
  return elementIds === asset.elementIds ? asset : { ...asset, elementIds };
}

/** Effectiveness typed into a number field: clamped to 0-100, empty means unknown. */
export function parseEffectiveness(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** Whether a status needs a written reason: any threat status but open; a rejected mitigation. */
export function needsThreatReason(status: Threat["status"]): boolean {
  return status !== "open";
}

export function needsMitigationReason(status: Mitigation["status"]): boolean {
  return status === "rejected";
}

/** Only http(s) links become clickable, whatever a hand-written or imported document holds. */
export function isSafeLink(url: string): boolean {
  return /^https?:\/\/\S/i.test(url);
}
