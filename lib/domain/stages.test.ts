import { describe, expect, it } from "vitest";
import { checkStageChange } from "./stages";

const none = { headSignedOff: false, hasOpenReview: false };
const signedOff = { headSignedOff: true, hasOpenReview: false };

describe("stage gates", () => {
  it("refuses skipping and going back", () => {
    expect(checkStageChange("draft", "approved", signedOff)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/skipped/),
    });
    expect(checkStageChange("approved", "draft", signedOff).ok).toBe(false);
  });

  it("needs a signed-off head for approval and production", () => {
    expect(checkStageChange("in_review", "approved", none)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signed off/),
    });
    expect(checkStageChange("approved", "production", none).ok).toBe(false);
    expect(checkStageChange("approved", "production", signedOff).ok).toBe(true);
  });

  it("enters review only through a review request", () => {
    expect(checkStageChange("draft", "in_review", none).ok).toBe(false);
    expect(checkStageChange("draft", "in_review", { headSignedOff: false, hasOpenReview: true }).ok).toBe(
      true,
    );
  });

  it("allows retiring from any live stage, and nothing after retirement", () => {
    expect(checkStageChange("production", "retired", none).ok).toBe(true);
    expect(checkStageChange("draft", "retired", none).ok).toBe(true);
    expect(checkStageChange("retired", "draft", signedOff).ok).toBe(false);
  });
});
