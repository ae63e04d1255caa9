"use client";

import { type Peer, usePresence } from "./presence";
import type { LiveStatus } from "./use-live-canvas";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("") || "?";

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting to the live canvas…",
  live: "Live: changes appear for everyone as they happen",
  offline: "Offline: your changes are kept and merge when the connection returns",
};

/** One entry per person: someone with two tabs open shows once (this tab wins for oneself). */
function people(peers: readonly Peer[]): Peer[] {
  const seen = new Map<string, Peer>();
  for (const peer of peers) {
    const known = seen.get(peer.userId);
    if (!known || (peer.isMe && !known.isMe)) seen.set(peer.userId, peer);
  }
  return [...seen.values()];
}

/**
 * Everyone on this canvas now, as avatars whose accessible name is the person's full name. Another
 * person's avatar is a button that follows their view (pressed while following).
 */
export function PeopleHere({ status }: { status: LiveStatus }) {
  const peers = usePresence((s) => s.peers);
  const following = usePresence((s) => s.following);
  const follow = usePresence((s) => s.follow);
  const me = peers.find((peer) => peer.isMe);
  return (
    <section aria-label="People here" className="flex shrink-0 items-center gap-1.5">
      <span
        className={`size-2 rounded-full ${status === "live" ? "bg-emerald-500" : status === "offline" ? "bg-red-500" : "bg-amber-400"}`}
        title={STATUS_TEXT[status]}
        role="img"
        aria-label={STATUS_TEXT[status]}
        data-testid="live-status"
        data-status={status}
      />
      {status === "offline" ? (
        <span className="text-xs font-medium text-red-700" title={STATUS_TEXT.offline}>
          Offline: your changes will merge when you reconnect
        </span>
      ) : null}
      <ul className="flex -space-x-1.5">
        {people(peers).map((person) => {
          const isMine = person.userId === me?.userId;
          const name = isMine ? `${person.name} (you)` : person.name;
          const avatar = (
            <span
              className="flex size-7 items-center justify-center rounded-full border-2 border-white text-[10px] font-semibold text-white"
              style={{ backgroundColor: person.color }}
            >
              <span aria-hidden>{initials(person.name)}</span>
            </span>
          );
          const isFollowed = following === person.clientId;
          return (
            <li key={person.userId} aria-label={name} title={name}>
              {isMine ? (
                avatar
              ) : (
                <button
                  type="button"
                  aria-pressed={isFollowed}
                  aria-label={isFollowed ? `Stop following ${person.name}` : `Follow ${person.name}'s view`}
                  title={
                    isFollowed ? `Following ${person.name}: click to stop` : `Follow ${person.name}'s view`
                  }
                  onClick={() => follow(isFollowed ? null : person.clientId)}
                  className={`block rounded-full focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 ${isFollowed ? "ring-2 ring-offset-1" : ""}`}
                  style={isFollowed ? { ["--tw-ring-color" as string]: person.color } : undefined}
                >
                  {avatar}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
