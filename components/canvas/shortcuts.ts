/** Keyboard shortcuts of the editor: one list drives both the handler and the help dialog. */
export const SHORTCUTS = [
  { keys: "Ctrl/⌘ + Z", action: "Undo" },
  { keys: "Ctrl/⌘ + Shift + Z, Ctrl + Y", action: "Redo" },
  { keys: "Ctrl/⌘ + C / V", action: "Copy / paste the selection" },
  { keys: "Ctrl/⌘ + A", action: "Select everything" },
  { keys: "Delete, Backspace", action: "Delete the selection" },
  { keys: "Ctrl/⌘ + S", action: "Save version" },
  { keys: "Shift + click, Shift + drag", action: "Add to the selection, select an area" },
  { keys: "F", action: "Fit the diagram in view" },
  { keys: "L", action: "Connect two elements (choose them from lists)" },
  { keys: "?", action: "Show these shortcuts" },
] as const;

export type ShortcutCommand =
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "selectAll"
  | "save"
  | "fit"
  | "connect"
  | "help";

/** Maps a key event to an editor command; null when the key is not a shortcut. */
export function commandFor(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): ShortcutCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (mod && key === "z") return event.shiftKey ? "redo" : "undo";
  if (mod && key === "y") return "redo";
  if (mod && key === "c") return "copy";
  if (mod && key === "v") return "paste";
  if (mod && key === "a") return "selectAll";
  if (mod && key === "s") return "save";
  if (mod) return null;
  if (event.key === "?") return "help";
  if (key === "f" && !event.shiftKey) return "fit";
  if (key === "l" && !event.shiftKey) return "connect";
  return null;
}

/** Shortcuts never fire while the user is typing in a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
