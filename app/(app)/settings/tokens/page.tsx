import { TokensPanel } from "@/components/settings/tokens-panel";
import { requireActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/server/tokens";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireActor("/settings/tokens");
  const tokens = await listApiTokens(actor);
  return (
    <TokensPanel
      tokens={tokens.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      }))}
    />
  );
}
