import { canonicalizeDocument } from "@/lib/domain/canonical-document";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { removeFromDocument } from "@/lib/domain/document-edits";

/** The analyst copilot and its retrieval parts: added in version 2 of the demo model. */
const COPILOT_IDS = ["e-copilot", "e-prompt", "e-notes"];

export type DemoVersion = {
  document: ThreatModelDocument;
  message: string;
  author: "alice@example.com" | "bob@example.com";
};

/**
 * The demo model's history, so a first visitor has versions to compare and restore: a first
 * sketch without the copilot or any analysis, then the copilot and the threats from a workshop,
 * then the agreed mitigations (the complete demo document).
 */
export function demoHistory(complete: ThreatModelDocument): DemoVersion[] {
  const withThreats: ThreatModelDocument = {
    ...complete,
    threats: complete.threats.map(({ statusReason: _reason, ...threat }) => ({ ...threat, status: "open" })),
    mitigations: [],
  };
  const sketch = removeFromDocument(
    { ...withThreats, threats: [], assets: complete.assets.slice(0, 3) },
    COPILOT_IDS,
  );
  return [
    {
      document: canonicalizeDocument(sketch),
      message: "First sketch of the scoring pipeline",
      author: "alice@example.com",
    },
    {
      document: canonicalizeDocument(withThreats),
      message: "Add the analyst copilot and the threats from the kickoff workshop",
      author: "bob@example.com",
    },
    {
      document: canonicalizeDocument(complete),
      message: "Mitigations agreed with the platform team",
      author: "bob@example.com",
    },
  ];
}
