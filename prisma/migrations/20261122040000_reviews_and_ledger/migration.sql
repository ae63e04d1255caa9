-- Review boards, review requests and decisions, risk acceptances, and the append-only ledger.

-- CreateEnum
CREATE TYPE "Discipline" AS ENUM ('SECURITY', 'DATA_SCIENCE', 'ML_ENGINEERING', 'PRIVACY', 'PRODUCT', 'LEGAL');
CREATE TYPE "BoardRole" AS ENUM ('CHAIR', 'MEMBER');
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'approved', 'changes_requested', 'withdrawn');
CREATE TYPE "DecisionKind" AS ENUM ('approve', 'request_changes', 'comment');

-- CreateTable
CREATE TABLE "ReviewBoard" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quorumApprovals" INTEGER NOT NULL,
    "quorumDisciplines" "Discipline"[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewBoard_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BoardMember" (
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "discipline" "Discipline" NOT NULL,
    "role" "BoardRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "BoardMember_pkey" PRIMARY KEY ("boardId", "userId")
);

CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "signedOffAt" TIMESTAMP(3),
    "staleAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" "DecisionKind" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "checklist" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "entryHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RiskAcceptance" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "approvedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewBoard_workspaceId_name_key" ON "ReviewBoard"("workspaceId", "name");
CREATE INDEX "BoardMember_userId_idx" ON "BoardMember"("userId");
CREATE INDEX "ReviewRequest_modelId_version_idx" ON "ReviewRequest"("modelId", "version");
CREATE INDEX "ReviewRequest_boardId_status_idx" ON "ReviewRequest"("boardId", "status");
CREATE INDEX "ReviewDecision_reviewId_createdAt_idx" ON "ReviewDecision"("reviewId", "createdAt");
CREATE UNIQUE INDEX "LedgerEntry_modelId_seq_key" ON "LedgerEntry"("modelId", "seq");
CREATE INDEX "RiskAcceptance_modelId_threatId_idx" ON "RiskAcceptance"("modelId", "threatId");

-- AddForeignKey
ALTER TABLE "ReviewBoard" ADD CONSTRAINT "ReviewBoard_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewBoard" ADD CONSTRAINT "ReviewBoard_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "ReviewBoard"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ThreatModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "ReviewBoard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ReviewRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ThreatModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ThreatModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION "ledger_entry_is_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "LedgerEntry_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_is_append_only"();

CREATE TRIGGER "LedgerEntry_no_truncate"
  BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entry_is_append_only"();
