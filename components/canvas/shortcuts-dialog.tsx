"use client";

import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody className="divide-y divide-slate-100">
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <th
                scope="row"
                className="py-2 pr-4 text-left font-mono text-xs font-medium whitespace-nowrap text-slate-700"
              >
                {shortcut.keys}
              </th>
              <td className="py-2 text-slate-700">{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500">
        Every palette button works with Enter. Select an element with Tab and the arrow keys move nothing; use
        the side panel to edit it.
      </p>
    </Dialog>
  );
}
