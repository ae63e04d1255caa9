/**
 * Undo history of whole documents. Documents are immutable and share unchanged entries, so a
 * snapshot costs one reference. Consecutive edits with the same coalesce key (typing in one field)
 * within a short window become one step.
 */
export type History<T> = { past: T[]; future: T[]; lastKey: string | null; lastAt: number };

const LIMIT = 200;
const COALESCE_MS = 1_000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

export function record<T>(
  history: History<T>,
  previous: T,
  key: string | undefined,
  now: number,
): History<T> {
  if (key && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = history.past.length >= LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(previous);
  return { past, future: [], lastKey: key ?? null, lastAt: now };
}

export function undo<T>(history: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = history.past.at(-1);
  if (value === undefined) return null;
  return {
    value,
    history: {
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
      lastKey: null,
      lastAt: 0,
    },
  };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; value: T } | null {
  const [value, ...future] = history.future;
  if (value === undefined) return null;
  return { value, history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 } };
}
