import type { ReactFlowState } from "@xyflow/react";
import { createContext } from "react";

/**
 * Below this zoom the canvas is an overview: flow labels, kind icons and connection handles are
 * too small to read or grab, and they are not drawn (fewer things to paint on every frame of a
 * large diagram: docs/benchmarks.md). Shapes, names and threat badges stay.
 */
export const DETAIL_MIN_ZOOM = 0.45;

export const isZoomedOut = (state: ReactFlowState) => state.transform[2] < DETAIL_MIN_ZOOM;

/**
 * Whether the canvas is in overview, read once by the canvas and handed down: a store
 * subscription in every flow would run on every frame of a drag, for every flow.
 */
export const OverviewContext = createContext(false);
