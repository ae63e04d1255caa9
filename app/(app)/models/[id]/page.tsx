import { ModelOverview } from "@/components/models/model-overview";
import { requireActor } from "@/lib/auth/session";
import { getModel } from "@/lib/server/models";
import { orNotFound } from "@/lib/server/pages";

type Props = { params: Promise<{ id: string }> };

export default async function ModelPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/models/${id}`);
  const model = await orNotFound(getModel(actor, id));
  return <ModelOverview model={model} />;
}
