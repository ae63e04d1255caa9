-- When the live document was last stored, to tell whether an autosaved working copy is newer.

-- AlterTable
ALTER TABLE "ThreatModel" ADD COLUMN "liveStateAt" TIMESTAMP(3);
