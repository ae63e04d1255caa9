"use client";

import { Button } from "./button";

export function ErrorState({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-ink">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Trustboard could not reach its database or hit an unexpected problem. Nothing you saved is lost. If
        the database is restarting, try again in a moment.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-400">Reference: {digest}</p> : null}
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
