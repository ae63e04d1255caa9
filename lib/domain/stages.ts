export const STAGES = ["draft", "in_review", "approved", "production", "retired"] as const;
export type Stage = (typeof STAGES)[number];

/** Facts about the model that the gates read; the review work fills in sign-off. */
export type GateFacts = { headSignedOff: boolean; hasOpenReview: boolean };

/**
 * Whether a model may move from one stage to another, and why not. Stages move one step forward
 * (never skipped); approval and production need a signed-off head; any live stage may be retired.
 */
export function checkStageChange(
  from: Stage,
  to: Stage,
  facts: GateFacts,
): { ok: true } | { ok: false; reason: string } {
  if (from === to) return { ok: true };
  if (from === "retired") return { ok: false, reason: "A retired model cannot change stage" };
  if (to === "retired") return { ok: true };
  const step = STAGES.indexOf(to) - STAGES.indexOf(from);
  if (step !== 1) return { ok: false, reason: `Stages cannot be skipped or reversed: ${from} -> ${to}` };
  if (to === "in_review" && !facts.hasOpenReview) {
    return { ok: false, reason: "A model enters review when a review of a version is requested" };
  }
  if ((to === "approved" || to === "production") && !facts.headSignedOff) {
    return {
      ok: false,
      reason: `Moving to ${to} requires the head version to be signed off by a review board`,
    };
  }
  return { ok: true };
}
