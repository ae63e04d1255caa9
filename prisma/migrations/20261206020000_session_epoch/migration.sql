-- Sessions carry the epoch they were signed in under; a password change moves it on, which ends
-- every other session of the account (docs/decisions/0013-password-change-ends-sessions.md).

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionEpoch" INTEGER NOT NULL DEFAULT 0;
