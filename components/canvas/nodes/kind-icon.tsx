import type { ElementKind } from "@/lib/domain/kinds";

// 16x16 line glyphs, one per kind, drawn with currentColor so the node's accent colours them.
const PATHS: Record<ElementKind, string> = {
  process: "M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 3v3l2 2",
  datastore:
    "M3 4c0-1.1 2.2-2 5-2s5 .9 5 2v8c0 1.1-2.2 2-5 2s-5-.9-5-2zm0 0c0 1.1 2.2 2 5 2s5-.9 5-2M3 8c0 1.1 2.2 2 5 2s5-.9 5-2",
  "external-entity": "M3 3h10v10H3zM6 6h4v4H6z",
  "trust-boundary": "M8 1.5 13.5 4v4c0 3.2-2.4 5.6-5.5 6.5C4.9 13.6 2.5 11.2 2.5 8V4z",
  dataset: "M3 4c0-1.1 2.2-2 5-2s5 .9 5 2v8c0 1.1-2.2 2-5 2s-5-.9-5-2zM5.5 8h5M5.5 10.5h3",
  "data-pipeline": "M1.5 8h3m7 0h3M4.5 5.5h7v5h-7zM7 8h2",
  "feature-store": "M2.5 3h11v3h-11zM2.5 7h11v3h-11zM2.5 11h11v2.5h-11zM5 4.5h.01M5 8.5h.01",
  "labeling-workforce":
    "M5.5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm5 0a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM1.5 13c0-2.2 1.8-4 4-4s4 1.8 4 4m1-4c2.2 0 4 1.8 4 4",
  "model-registry": "M2.5 4.5 8 2l5.5 2.5v7L8 14l-5.5-2.5zM8 7v7M2.5 4.5 8 7l5.5-2.5",
  "training-job": "M2 12.5 6 8.5l2.5 2.5L14 5.5M10.5 5.5H14V9",
  "inference-endpoint": "M2 8h5M9 4.5 12.5 8 9 11.5M7 4v8",
  "prompt-template": "M2.5 3h11v8h-6l-3 2.5V11h-2zM5 6h6M5 8.5h4",
  "llm-agent": "M4 5h8v7H4zM8 2.5V5M6 8h.01M10 8h.01M6.5 10.5h3M2 8h2M12 8h2",
  "third-party-model": "M2.5 4.5 8 2l5.5 2.5v7L8 14l-5.5-2.5zM6 7.5l2 2 3-3.5",
  "vector-store": "M3 4c0-1.1 2.2-2 5-2s5 .9 5 2v8c0 1.1-2.2 2-5 2s-5-.9-5-2zM5.5 9.5l2-2 1.5 1.5 2-2.5",
  monitoring: "M1.5 8.5h3l1.5-4 3 7 1.5-3h4",
  "data-broker": "M2 5h9m0 0L8.5 2.5M11 5 8.5 7.5M14 11H5m0 0 2.5-2.5M5 11l2.5 2.5",
  "end-user": "M8 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 14c0-2.8 2.2-5 5-5s5 2.2 5 5",
};

export function KindIcon({ kind, className = "size-4" }: { kind: ElementKind; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
