"use client";

import {
  type NodeChange,
  type OnMove,
  type ReactFlowState,
  useReactFlow,
  useStore,
  type Viewport,
} from "@xyflow/react";
import { type CSSProperties, type PointerEvent, useCallback, useEffect, useMemo } from "react";
import { useShallow } from "zustand/shallow";
import type { CanvasNode, FlowEdge } from "@/lib/domain/flow-mapping";
import { others, type Peer, throttle, usePresence, usePresenceApi, type ViewCentre } from "./presence";

const CURSOR_MS = 40;
const VIEW_MS = 100;
const DRAG_MS = 40;

const paneSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });

type Marks = { color: string; selection: readonly string[]; dragging: Peer["dragging"] }[];

/**
 * What of others' presence changes how the diagram is drawn, as a string: awareness hands over new
 * peer objects with every pointer move, and the diagram should only redraw when a selection or a
 * drag changes.
 */
const marksKey = (peers: readonly Peer[]) =>
  JSON.stringify(
    others(peers)
      .filter((peer) => peer.selection.length > 0 || peer.dragging)
      .map((peer) => ({ color: peer.color, selection: peer.selection, dragging: peer.dragging })),
  );

/** Others' selections outlined in their colour, and elements they are dragging where they are now. */
export function usePeerDecorations(nodes: CanvasNode[], edges: FlowEdge[]) {
  const key = usePresence((s) => marksKey(s.peers));
  return useMemo(() => {
    const marks = JSON.parse(key) as Marks;
    if (marks.length === 0) return { nodes, edges };
    const selectedBy = new Map<string, string>();
    const dragged = new Map<string, { x: number; y: number }>();
    for (const peer of marks) {
      for (const id of peer.selection) if (!selectedBy.has(id)) selectedBy.set(id, peer.color);
      for (const [id, position] of Object.entries(peer.dragging ?? {})) dragged.set(id, position);
    }
    const mark = <T extends { id: string; className?: string; style?: CSSProperties }>(item: T): T => {
      const color = selectedBy.get(item.id);
      if (!color) return item;
      return {
        ...item,
        className: `${item.className ?? ""} peer-selected`.trim(),
        style: { ...item.style, ["--peer-color" as string]: color },
      };
    };
    return {
      nodes: nodes.map((node) => {
        const position = dragged.get(node.id);
        const moved = position && !node.dragging ? { ...node, position } : node;
        return mark(moved);
      }),
      edges: edges.map(mark),
    };
  }, [key, nodes, edges]);
}

/**
 * What this tab shares while people work on the diagram: the pointer, the view (so others can
 * follow it), and elements in mid-drag (the document only changes when the drag ends).
 */
export function usePresenceBroadcast() {
  const presence = usePresenceApi();
  const { screenToFlowPosition } = useReactFlow();
  const { width, height } = useStore(useShallow(paneSize));
  // `publish` changes when the live connection starts: the senders are rebuilt with it.
  const publish = usePresence((s) => s.publish);
  const send = useMemo(() => {
    return {
      cursor: throttle((cursor: { x: number; y: number } | null) => publish({ cursor }), CURSOR_MS),
      view: throttle((view: ViewCentre) => publish({ view }), VIEW_MS),
      dragging: throttle(
        (dragging: Record<string, { x: number; y: number }> | null) => publish({ dragging }),
        DRAG_MS,
      ),
    };
  }, [publish]);

  const centreOf = useCallback(
    (viewport: Viewport): ViewCentre => ({
      x: (width / 2 - viewport.x) / viewport.zoom,
      y: (height / 2 - viewport.y) / viewport.zoom,
      zoom: viewport.zoom,
    }),
    [width, height],
  );

  const onPointerMove = useCallback(
    (event: PointerEvent) => send.cursor(screenToFlowPosition({ x: event.clientX, y: event.clientY })),
    [send, screenToFlowPosition],
  );
  const onPointerLeave = useCallback(() => send.cursor(null), [send]);
  const onMove: OnMove = useCallback((_event, viewport) => send.view(centreOf(viewport)), [send, centreOf]);
  const onMoveStart: OnMove = useCallback(
    (event) => {
      // Panning or zooming by hand ends following someone (a programmatic move has no event).
      if (event && presence.getState().following !== null) presence.getState().follow(null);
    },
    [presence],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moving: Record<string, { x: number; y: number }> = {};
      let isDragging = false;
      let hasEnded = false;
      for (const change of changes) {
        if (change.type !== "position") continue;
        if (change.dragging && change.position) {
          moving[change.id] = change.position;
          isDragging = true;
        } else if (change.dragging === false) hasEnded = true;
      }
      if (isDragging) send.dragging(moving);
      else if (hasEnded) send.dragging(null);
    },
    [send],
  );
  return { onPointerMove, onPointerLeave, onMove, onMoveStart, onNodesChange, centreOf };
}

/** Keeps this tab's view on the person it follows; Escape stops. */
export function FollowView({ centreOf }: { centreOf: (viewport: Viewport) => ViewCentre }) {
  const presence = usePresenceApi();
  const following = usePresence((s) => s.following);
  const leader = usePresence((s) => s.peers.find((peer) => peer.clientId === s.following) ?? null);
  const { setCenter, getViewport } = useReactFlow();
  const publish = usePresence((s) => s.publish);

  // Numbers, not the view object: awareness hands over a new object with every pointer move.
  const centreX = leader?.view?.x;
  const centreY = leader?.view?.y;
  const zoom = leader?.view?.zoom;
  useEffect(() => {
    if (centreX === undefined || centreY === undefined || zoom === undefined) return;
    void setCenter(centreX, centreY, { zoom, duration: 120 });
  }, [centreX, centreY, zoom, setCenter]);

  useEffect(() => {
    if (following === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") presence.getState().follow(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [following, presence]);

  // Share the view as soon as the canvas is live, not only after the first pan.
  useEffect(() => {
    publish({ view: centreOf(getViewport()) });
  }, [publish, centreOf, getViewport]);

  if (!leader) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center">
      <div
        role="status"
        className="pointer-events-auto flex items-center gap-2 rounded-full border bg-white px-3 py-1 text-xs text-ink shadow"
        style={{ borderColor: leader.color }}
      >
        <span>Following {leader.name}&apos;s view. Move the canvas or press Esc to stop.</span>
        <button
          type="button"
          onClick={() => presence.getState().follow(null)}
          className="rounded px-1.5 py-0.5 font-medium text-brand-700 hover:bg-slate-100"
        >
          Stop following
        </button>
      </div>
    </div>
  );
}

const transformOf = (s: ReactFlowState) => s.transform;

/** Others' pointers with their names, drawn over the diagram. */
export function PeerCursors() {
  const cursors = usePresence(useShallow((s) => others(s.peers).filter((peer) => peer.cursor !== null)));
  const [x, y, zoom] = useStore(transformOf);
  if (cursors.length === 0) return null;
  return (
    <div className="pointer-events-none absolute inset-0 z-[5] overflow-hidden">
      {cursors.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            role="img"
            aria-label={`${peer.name}'s pointer`}
            className="absolute top-0 left-0 transition-transform duration-75 ease-linear"
            style={{ transform: `translate(${peer.cursor.x * zoom + x}px, ${peer.cursor.y * zoom + y}px)` }}
          >
            <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden>
              <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill={peer.color} stroke="#fff" />
            </svg>
            <span
              className="absolute top-4 left-3 whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium text-white shadow"
              style={{ backgroundColor: peer.color }}
            >
              {peer.name}
            </span>
          </div>
        ) : null,
      )}
    </div>
  );
}
