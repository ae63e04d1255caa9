import { describe, expect, it } from "vitest";
import { quorumProblem, quorumProgress, type Seat } from "./quorum";

const seats: Seat[] = [
  { userId: "carol", discipline: "SECURITY" },
  { userId: "dave", discipline: "PRIVACY" },
  { userId: "frank", discipline: "DATA_SCIENCE" },
];

describe("quorumProgress", () => {
  it("is met with enough distinct approvers covering every required discipline", () => {
    const quorum = { approvals: 2, disciplines: ["SECURITY", "PRIVACY"] as const };
    const votes = [
      { userId: "carol", decision: "approve" as const },
      { userId: "dave", decision: "approve" as const },
    ];
    expect(quorumProgress(quorum, seats, votes)).toEqual({
      approvals: 2,
      required: 2,
      missingDisciplines: [],
      met: true,
    });
  });

  it("counts a member's repeated approvals once", () => {
    const votes = [
      { userId: "carol", decision: "approve" as const },
      { userId: "carol", decision: "approve" as const },
    ];
    expect(quorumProgress({ approvals: 2, disciplines: [] }, seats, votes)).toMatchObject({
      approvals: 1,
      met: false,
    });
  });

  it("is not met while a required discipline is missing, however many approve", () => {
    const votes = [
      { userId: "carol", decision: "approve" as const },
      { userId: "frank", decision: "approve" as const },
    ];
    expect(quorumProgress({ approvals: 2, disciplines: ["PRIVACY"] }, seats, votes)).toEqual({
      approvals: 2,
      required: 2,
      missingDisciplines: ["PRIVACY"],
      met: false,
    });
  });

  it("ignores comments, requests for changes and people without a seat", () => {
    const votes = [
      { userId: "carol", decision: "comment" as const },
      { userId: "dave", decision: "request_changes" as const },
      { userId: "mallory", decision: "approve" as const },
    ];
    expect(quorumProgress({ approvals: 1, disciplines: [] }, seats, votes)).toMatchObject({
      approvals: 0,
      met: false,
    });
  });
});

describe("quorumProblem", () => {
  it("names a quorum the board can never reach", () => {
    expect(quorumProblem({ approvals: 4, disciplines: [] }, seats)).toBe(
      "quorum.approvals is 4 but the board has 3 members",
    );
    expect(quorumProblem({ approvals: 1, disciplines: ["LEGAL"] }, seats)).toBe(
      "quorum.disciplines needs LEGAL, which no member holds",
    );
    expect(quorumProblem({ approvals: 3, disciplines: ["SECURITY", "PRIVACY"] }, seats)).toBeNull();
  });
});
