import type { ReactFlowState } from "@xyflow/react";

/**
 * Below this zoom the canvas is an overview: flow labels, kind icons and connection handles are
 * too small to read or grab, and they are not drawn (fewer things to paint on every frame of a
 * large diagram: docs/benchmarks.md). Shapes, names and threat badges stay.
 */
export const DETAIL_MIN_ZOOM = 0.45;

export const isZoomedOut = (state: ReactFlowState) => state.transform[2] < DETAIL_MIN_ZOOM;
