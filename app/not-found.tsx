import Link from "next/link";

export default function NotFound() {
  return (
    <main className="px-4 py-16">
      <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-lg font-semibold text-ink">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          This page does not exist, or you do not have access to it.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
          Go to your workspaces
        </Link>
      </div>
    </main>
  );
}
