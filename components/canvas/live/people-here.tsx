"use client";

import type { LiveStatus, Person } from "./use-live-canvas";

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

/** Everyone on this canvas now, as avatars whose accessible name is the person's full name. */
export function PeopleHere({ people, status }: { people: Person[]; status: LiveStatus }) {
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
      <ul className="flex -space-x-1.5">
        {people.map((person) => (
          <li
            key={person.userId}
            aria-label={person.isMe ? `${person.name} (you)` : person.name}
            title={person.isMe ? `${person.name} (you)` : person.name}
            className="flex size-7 items-center justify-center rounded-full border-2 border-white text-[10px] font-semibold text-white"
            style={{ backgroundColor: person.color }}
          >
            <span aria-hidden>{initials(person.name)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
