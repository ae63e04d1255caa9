import type { Asset, Mitigation, Threat } from "./document-analysis";
import type { Element, Flow } from "./document-graph";

export type ReferenceProblem = { path: (string | number)[]; message: string };

type Entries = {
  elements: readonly Element[];
  flows: readonly Flow[];
  assets: readonly Asset[];
  threats: readonly Threat[];
  mitigations: readonly Mitigation[];
};

/**
 * Cross-reference rules the per-entry schemas cannot see: ids are unique across the whole document,
 * flows join two existing non-boundary elements, parents are existing trust boundaries without
 * cycles, and every id list points at entries of the right collection. Each problem's path names
 * the offending field, e.g. ["flows", 3, "target"].
 */
export function findReferenceProblems(doc: Entries): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path, message });

  const seen = new Map<string, string>();
  for (const collection of ["elements", "flows", "assets", "threats", "mitigations"] as const) {
    doc[collection].forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first) report([collection, index, "id"], `duplicate id "${entry.id}" (first used in ${first})`);
      else seen.set(entry.id, collection);
    });
  }

  const elements = new Map(doc.elements.map((element) => [element.id, element]));
  const flowIds = new Set(doc.flows.map((flow) => flow.id));
  const assetIds = new Set(doc.assets.map((asset) => asset.id));
  const threatIds = new Set(doc.threats.map((threat) => threat.id));

  doc.elements.forEach((element, index) => {
    if (element.parentId === undefined) return;
    const parent = elements.get(element.parentId);
    if (!parent) report(["elements", index, "parentId"], `no element with id "${element.parentId}"`);
    else if (parent.kind !== "trust-boundary") {
      report(
        ["elements", index, "parentId"],
        `"${element.parentId}" is a ${parent.kind}, not a trust boundary`,
      );
    } else if (isInParentCycle(element, elements)) {
      report(
        ["elements", index, "parentId"],
        `"${element.parentId}" would nest "${element.id}" inside itself`,
      );
    }
  });

  doc.flows.forEach((flow, index) => {
    for (const end of ["source", "target"] as const) {
      const element = elements.get(flow[end]);
      if (!element) report(["flows", index, end], `no element with id "${flow[end]}"`);
      else if (element.kind === "trust-boundary") {
        report(["flows", index, end], `a flow cannot start or end at trust boundary "${flow[end]}"`);
      }
    }
  });

  const checkIds = (
    path: [string, number, string],
    values: readonly string[],
    exists: (id: string) => boolean,
    what: string,
  ) => {
    values.forEach((id, i) => {
      if (!exists(id)) report([...path, i], `no ${what} with id "${id}"`);
    });
  };
  doc.assets.forEach((asset, index) => {
    checkIds(["assets", index, "elementIds"], asset.elementIds, (id) => elements.has(id), "element");
  });
  doc.threats.forEach((threat, index) => {
    const isTarget = (id: string) => elements.has(id) || flowIds.has(id);
    checkIds(["threats", index, "targetIds"], threat.targetIds, isTarget, "element or flow");
    checkIds(["threats", index, "assetIds"], threat.assetIds, (id) => assetIds.has(id), "asset");
  });
  doc.mitigations.forEach((mitigation, index) => {
    checkIds(["mitigations", index, "threatIds"], mitigation.threatIds, (id) => threatIds.has(id), "threat");
  });
  return problems;
}

/** Whether following parentId links from this element comes back to it. */
function isInParentCycle(start: Element, elements: ReadonlyMap<string, Element>): boolean {
  const visited = new Set<string>();
  let current: Element | undefined = start;
  while (current?.parentId !== undefined) {
    if (current.parentId === start.id) return true;
    if (visited.has(current.id)) return false; // a cycle further up, reported on its own members
    visited.add(current.id);
    current = elements.get(current.parentId);
  }
  return false;
}
