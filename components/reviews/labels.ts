/** Words the review screens show for the API's enum values. */
export const STAGE_LABELS = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  production: "Production",
  retired: "Retired",
} as const;

export const STATUS_LABELS = {
  open: "Open",
  approved: "Approved · signed off",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn",
} as const;

export const EVENT_LABELS: Record<string, string> = {
  review_requested: "Review requested",
  decision: "Decision",
  signed_off: "Signed off",
  stale: "Review went stale",
  withdrawn: "Review withdrawn",
  risk_accepted: "Risk accepted",
  stage_changed: "Stage changed",
};

export const DECISION_LABELS = {
  approve: "Approved",
  request_changes: "Requested changes",
  comment: "Commented",
} as const;

export const DISCIPLINE_LABELS: Record<string, string> = {
  SECURITY: "Security",
  DATA_SCIENCE: "Data science",
  ML_ENGINEERING: "ML engineering",
  PRIVACY: "Privacy",
  PRODUCT: "Product",
  LEGAL: "Legal",
};
