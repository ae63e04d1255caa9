-- Threaded review comments on a model: a root comment anchored to an element, flow or threat, and
-- its replies.

-- CreateEnum
CREATE TYPE "CommentAnchorKind" AS ENUM ('element', 'flow', 'threat');

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "parentId" TEXT,
    "anchorKind" "CommentAnchorKind",
    "anchorId" TEXT,
    "versionNumber" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: a root has an anchor, a reply has none and is never
    -- resolved, and a resolution records both when and by whom.
    CONSTRAINT "Comment_thread_shape" CHECK (
        CASE WHEN "parentId" IS NULL
            THEN "anchorKind" IS NOT NULL AND "anchorId" IS NOT NULL
                AND ("resolvedAt" IS NULL) = ("resolvedById" IS NULL)
            ELSE "anchorKind" IS NULL AND "anchorId" IS NULL
                AND "resolvedAt" IS NULL AND "resolvedById" IS NULL
        END
    )
);

-- CreateIndex
CREATE INDEX "Comment_modelId_createdAt_idx" ON "Comment"("modelId", "createdAt");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ThreatModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
