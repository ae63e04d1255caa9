export const DISCIPLINES = [
  "SECURITY",
  "DATA_SCIENCE",
  "ML_ENGINEERING",
  "PRIVACY",
  "PRODUCT",
  "LEGAL",
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export type Quorum = { approvals: number; disciplines: readonly Discipline[] };
export type Seat = { userId: string; discipline: Discipline };
export type Vote = { userId: string; decision: "approve" | "request_changes" | "comment" };

export type QuorumProgress = {
  /** Distinct board members who approved. */
  approvals: number;
  required: number;
  /** Required disciplines no approver holds yet. */
  missingDisciplines: Discipline[];
  met: boolean;
};

/**
 * How far a review is from its board's quorum. Each member counts once however often they approve;
 * decisions by people not on the board (or no longer on it) count for nothing.
 */
export function quorumProgress(
  quorum: Quorum,
  seats: readonly Seat[],
  votes: readonly Vote[],
): QuorumProgress {
  const seatOf = new Map(seats.map((seat) => [seat.userId, seat]));
  const approvers = new Set(
    votes.filter((vote) => vote.decision === "approve" && seatOf.has(vote.userId)).map((vote) => vote.userId),
  );
  const covered = new Set([...approvers].map((userId) => seatOf.get(userId)?.discipline));
  const missingDisciplines = [...new Set(quorum.disciplines)].filter((d) => !covered.has(d));
  return {
    approvals: approvers.size,
    required: quorum.approvals,
    missingDisciplines,
    met: approvers.size >= quorum.approvals && missingDisciplines.length === 0,
  };
}

/**
 * Whether a board with these seats can ever reach its quorum: enough members, and every required
 * discipline held by someone. Returns the problem, or null.
 */
export function quorumProblem(quorum: Quorum, seats: readonly Seat[]): string | null {
  if (quorum.approvals > seats.length) {
    return `quorum.approvals is ${quorum.approvals} but the board has ${seats.length} member${seats.length === 1 ? "" : "s"}`;
  }
  const held = new Set(seats.map((seat) => seat.discipline));
  const missing = quorum.disciplines.filter((d) => !held.has(d));
  if (missing.length > 0) return `quorum.disciplines needs ${missing.join(", ")}, which no member holds`;
  return null;
}
