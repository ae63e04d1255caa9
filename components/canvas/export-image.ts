"use client";

import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";

const PADDING = 40;

/** Renders the whole diagram (not just the visible part) to an SVG or PNG file and downloads it. */
export async function exportDiagram(nodes: Node[], format: "svg" | "png", fileName: string): Promise<void> {
  const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport || nodes.length === 0) return;
  const { toPng, toSvg } = await import("html-to-image");
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + PADDING * 2);
  const height = Math.ceil(bounds.height + PADDING * 2);
  // Padding in pixels: a bare number is a fraction of the image (40 would zoom out to the minimum).
  const transform = getViewportForBounds(bounds, width, height, 0.1, 4, `${PADDING}px`);
  const options = {
    backgroundColor: "#ffffff",
    width,
    height,
    pixelRatio: 2,
    // Connection handles are for editing, not part of the picture.
    filter: (node: HTMLElement) => !node.classList?.contains("react-flow__handle"),
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
  };
  const dataUrl = format === "svg" ? await toSvg(viewport, options) : await toPng(viewport, options);
  const link = document.createElement("a");
  link.download = `${fileName}.${format}`;
  link.href = dataUrl;
  link.click();
}
