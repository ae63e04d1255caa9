import type { ThreatModelDocument } from "@/lib/domain/document";
import { baseTypeOf } from "@/lib/domain/kinds";

const FILL: Record<string, string> = {
  process: "#e0f2fe",
  datastore: "#d1fae5",
  "external-entity": "#f1f5f9",
};
const STROKE: Record<string, string> = {
  process: "#0284c7",
  datastore: "#047857",
  "external-entity": "#334155",
};

/** A miniature of a document's diagram: boundaries, elements and flows, to preview a template. */
const labelsOf = (boxes: { element: { label: string } }[]) => boxes.map((b) => b.element.label).join(", ");

export function TemplatePreview({ document, title }: { document: ThreatModelDocument; title: string }) {
  const boxes = document.elements.map((element) => ({
    element,
    width: element.size?.width ?? 160,
    height: element.size?.height ?? 64,
  }));
  if (boxes.length === 0) return null;
  const minX = Math.min(...boxes.map((b) => b.element.position.x)) - 20;
  const minY = Math.min(...boxes.map((b) => b.element.position.y)) - 20;
  const maxX = Math.max(...boxes.map((b) => b.element.position.x + b.width)) + 20;
  const maxY = Math.max(...boxes.map((b) => b.element.position.y + b.height)) + 20;
  const centre = new Map(
    boxes.map((b) => [
      b.element.id,
      { x: b.element.position.x + b.width / 2, y: b.element.position.y + b.height / 2 },
    ]),
  );
  const boundaries = boxes.filter((b) => baseTypeOf(b.element.kind) === "trust-boundary");
  const components = boxes.filter((b) => baseTypeOf(b.element.kind) !== "trust-boundary");
  return (
    <svg
      viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`}
      role="img"
      aria-label={`Preview: ${components.length} components (${labelsOf(components)}), ${boundaries.length} trust boundaries (${labelsOf(boundaries)}), ${document.flows.length} flows`}
      className="h-56 w-full rounded-md border border-slate-200 bg-slate-50"
      data-testid="template-preview"
    >
      <title>{title}</title>
      {boundaries.map(({ element, width, height }) => (
        <g key={element.id}>
          <rect
            x={element.position.x}
            y={element.position.y}
            width={width}
            height={height}
            rx={10}
            fill="rgba(148,163,184,0.08)"
            stroke="#94a3b8"
            strokeWidth={3}
            strokeDasharray="12 8"
          />
          <text
            x={element.position.x + 14}
            y={element.position.y + 30}
            fontSize={22}
            fill="#475569"
            fontWeight={600}
          >
            {element.label}
          </text>
        </g>
      ))}
      {document.flows.map((flow) => {
        const from = centre.get(flow.source);
        const to = centre.get(flow.target);
        return from && to ? (
          <line key={flow.id} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#64748b" strokeWidth={3} />
        ) : null;
      })}
      {components.map(({ element, width, height }) => {
        const base = baseTypeOf(element.kind);
        return (
          <g key={element.id}>
            <rect
              x={element.position.x}
              y={element.position.y}
              width={width}
              height={height}
              rx={base === "process" ? 24 : 4}
              fill={FILL[base] ?? "#fff"}
              stroke={STROKE[base] ?? "#334155"}
              strokeWidth={3}
            />
            <text
              x={element.position.x + width / 2}
              y={element.position.y + height / 2 + 7}
              fontSize={20}
              textAnchor="middle"
              fill="#0f172a"
            >
              {element.label.length > 18 ? `${element.label.slice(0, 17)}…` : element.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
