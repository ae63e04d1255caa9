-- AlterTable
ALTER TABLE "ModelVersion" ALTER COLUMN "content" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "WorkingCopy" ALTER COLUMN "content" SET DATA TYPE JSON;
