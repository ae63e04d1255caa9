import { json } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { CreateBoardSchema, createBoard, listBoards } from "@/lib/server/boards";

type Params = { ws: string };

// GET /api/v1/workspaces/:ws/boards - the workspace's review boards with members and quorum
export const GET = apiRoute<Params>(
  { scope: { workspace: (p) => p.ws, permission: "workspace:read" } },
  async ({ actor, params }) => json(await listBoards(actor, params.ws)),
);

// POST /api/v1/workspaces/:ws/boards - owners create a board
export const POST = apiRoute<Params, typeof CreateBoardSchema>(
  { scope: { workspace: (p) => p.ws, permission: "boards:manage" }, body: CreateBoardSchema },
  async ({ actor, params, body }) => json(await createBoard(actor, params.ws, body), 201),
);
