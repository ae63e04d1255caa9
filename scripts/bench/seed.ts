import { hashPassword } from "@/lib/auth/password";
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
  // 50 small models for the live-document memory figure.
  const liveModels = [];
  for (let i = 0; i < 50; i++) liveModels.push(await make(30, 30));
  // 1,000 versions for the history listing, inserted directly (their content is small).
  const small = ThreatModelDocumentSchema.parse(generatedDocument(20, 20));
  const { insertVersion, storedContent } = await import("@/lib/server/version-rows");
  await db().$transaction(async (tx) => {
    for (let number = 2; number <= 1000; number++) {
      await insertVersion(tx, {
        modelId: historyModel.id,
        number,
        parentNumber: number - 1,
        content: storedContent({ ...small, title: `v${number}` }),
        message: `version ${number}`,
        authorId: user.id,
        restoredFrom: null,
      });
    }
  });
  await db().threatModel.update({ where: { id: historyModel.id }, data: { headVersion: 1000 } });
  // Seeding wrote tens of megabytes: let PostgreSQL's own upkeep of them (autovacuum, checkpoint)
  // happen now rather than while the benchmarks measure.
  await db().$executeRawUnsafe("VACUUM ANALYZE");
  await db().$executeRawUnsafe("CHECKPOINT");
  await db().$disconnect();
  return { canvasModels, largeModel, historyModel, liveModels };
}
