export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-ink ${className}`}>
      {/* biome-ignore lint/performance/noImgElement: a tiny static SVG needs no image optimisation */}
      <img src="/favicon.svg" alt="" width={24} height={24} />
      Trustboard
    </span>
  );
}
