import { hashPassword } from "@/lib/auth/password";
import type { Prisma } from "@/lib/db/client";
import { documentHash } from "@/lib/domain/canonical-document";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { generatedDocument } from "@/lib/domain/fixtures/generated";
import type { BenchServer } from "./server";

/** A bench user and workspace with generated models, written straight into the bench database. */
export async function seedBenchData(server: BenchServer) {
  process.env.DATABASE_URL = server.databaseUrl;
  const { db } = await import("@/lib/db/client");
  const { createApiToken } = await import("@/lib/server/tokens");
  const { createModel } = await import("@/lib/server/models");
  const { createWorkspace } = await import("@/lib/server/workspaces");
  const user = await db().user.create({
    data: { email: server.user.email, name: "Bench", passwordHash: await hashPassword(server.user.password) },
    select: { id: true, email: true, name: true },
  });
  server.user.token = (await createApiToken(user, { name: "bench" })).token;
  const workspace = await createWorkspace(user, { name: "Bench" });
  const make = async (elements: number, flows: number) => {
    const document = ThreatModelDocumentSchema.parse(generatedDocument(elements, flows));
    const model = await createModel(user, workspace.id, { name: `Generated ${elements}`, document });
    return { id: model.id, elements: elements + Math.ceil(elements / 50), flows };
  };
  // The 30-element model is the floor: what the machine costs per frame for an almost empty canvas.
  const canvasModels = [await make(30, 30), await make(300, 500), await make(1000, 1500)];
  const largeModel = canvasModels[2] as { id: string };
  const historyModel = await make(20, 20);
  // 1,000 versions for the history listing, inserted directly (their content is small).
  const small = ThreatModelDocumentSchema.parse(generatedDocument(20, 20));
  await db().modelVersion.createMany({
    data: Array.from({ length: 999 }, (_, i) => ({
      modelId: historyModel.id,
      number: i + 2,
      parentNumber: i + 1,
      content: { ...small, title: `v${i + 2}` } as Prisma.InputJsonValue,
      contentHash: documentHash({ ...small, title: `v${i + 2}` }),
      message: `version ${i + 2}`,
      authorId: user.id,
    })),
  });
  await db().threatModel.update({ where: { id: historyModel.id }, data: { headVersion: 1000 } });
  await db().$disconnect();
  return { canvasModels, largeModel, historyModel };
}
