"use client";

import { createContext, type ReactNode, useContext, useState } from "react";
import { type StoreApi, useStore } from "zustand";
import type { ThreatModelDocument } from "@/lib/domain/document";
import type { CanvasStore } from "./canvas-contract";
import { createCanvasStore } from "./canvas-store";

const CanvasStoreContext = createContext<StoreApi<CanvasStore> | null>(null);

type Props = {
  document: ThreatModelDocument;
  baseVersion: number;
  isReadOnly: boolean;
  isDirty?: boolean;
  children: ReactNode;
};

/** One store per editor instance, created on mount. */
export function CanvasStoreProvider({ children, ...initial }: Props) {
  const [store] = useState(() => createCanvasStore(initial));
  return <CanvasStoreContext.Provider value={store}>{children}</CanvasStoreContext.Provider>;
}

export function useCanvasStoreApi(): StoreApi<CanvasStore> {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error("useCanvasStore must be used inside <CanvasStoreProvider>");
  return store;
}

/** Subscribe with a narrow selector; never select the whole `nodes` array in a panel. */
export function useCanvas<T>(selector: (state: CanvasStore) => T): T {
  return useStore(useCanvasStoreApi(), selector);
}
