import Link from "next/link";
import { STATUS_LABELS } from "@/components/reviews/labels";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { reviewInbox } from "@/lib/server/reviews";

export const metadata = { title: "Review inbox" };

export default async function ReviewInboxPage() {
  const actor = await requireActor("/reviews");
  const reviews = await reviewInbox(actor);
  return (
    <>
      <PageHeader title="Review inbox" subtitle="Reviews waiting on the boards you sit on" />
      <Card>
        {reviews.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing to review right now.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Reviews waiting">
            {reviews.map((review) => (
              <li key={review.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div>
                  <Link href={`/reviews/${review.id}`} className="font-medium text-brand-700 hover:underline">
                    {review.modelName} · version {review.version}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {review.board.name} · asked by {review.requestedBy.name} ·{" "}
                    {review.createdAt.toLocaleString()}
                  </p>
                </div>
                <span className="text-xs font-medium text-slate-700">
                  {STATUS_LABELS[review.status]}
                  {review.stale ? " · stale" : ""} · {review.progress.approvals} of {review.progress.required}{" "}
                  approvals
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
