import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/server/actor";
import { actorFromSession, getAuthOptions } from "./options";

/** The signed-in user for a server component, or null. */
export async function getCurrentActor(): Promise<Actor | null> {
  const session = await getServerSession(getAuthOptions());
  return actorFromSession(session?.user?.id, session?.epoch);
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
