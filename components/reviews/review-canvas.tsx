"use client";

import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { Canvas } from "@/components/canvas/canvas";
import { DiffLegend } from "@/components/canvas/history/diff-legend";
import { countStatuses, JumpingChangeList } from "@/components/canvas/history/version-view";
import { diffDocuments, diffMeta, diffOverlay } from "@/lib/domain/diff";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { CanvasStoreProvider } from "@/lib/store/canvas-context";

/**
 * The reviewed version, read-only on a canvas; with a baseline (the last signed-off version), what
 * changed since is highlighted, with a legend and a change list that jumps to each change.
 */
export function ReviewCanvas(props: {
  version: number;
  document: ThreatModelDocument;
  before: ThreatModelDocument | null;
}) {
  const { document, before } = props;
  const comparison = useMemo(() => {
    if (!before) return null;
    const diff = diffDocuments(before, document);
    return { diff, meta: diffMeta(before, document), overlay: diffOverlay(before, document, diff) };
  }, [before, document]);
  const shown = comparison ? comparison.overlay.document : document;
  return (
    <CanvasStoreProvider document={shown} baseVersion={props.version} isReadOnly>
      <ReactFlowProvider>
        <div
          className="flex h-[560px] overflow-hidden rounded-md border border-slate-200"
          data-testid="review-canvas"
        >
          {comparison && before ? (
            <aside className="w-72 shrink-0 overflow-y-auto border-r border-slate-200 bg-white">
              <JumpingChangeList from={before} to={document} comparison={comparison} />
            </aside>
          ) : null}
          <div className="relative min-w-0 flex-1 bg-slate-50">
            <Canvas decorations={comparison?.overlay.status} />
            {comparison ? <DiffLegend counts={countStatuses(comparison.overlay.status)} /> : null}
          </div>
        </div>
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}
