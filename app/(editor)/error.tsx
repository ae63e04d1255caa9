"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function EditorError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="px-4 py-16">
      <ErrorState reset={reset} digest={error.digest} />
    </div>
  );
}
