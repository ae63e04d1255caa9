import { Button } from "@/components/ui/button";

/** The title row of a side panel: its heading (the panel's accessible name) and a close button. */
export function SidePanelHeader(props: {
  id: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
}) {
  return (
    <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
      <h2 id={props.id} className="text-sm font-semibold text-ink">
        {props.title}
      </h2>
      <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={props.onClose}>
        {props.closeLabel}
      </Button>
    </header>
  );
}
