import { ReviewPage } from "@/components/reviews/review-page";
import { requireActor } from "@/lib/auth/session";
import { diffDocuments } from "@/lib/domain/diff";
import { orNotFound } from "@/lib/server/pages";
import { getReview, listModelReviews } from "@/lib/server/reviews";
import { getVersion } from "@/lib/server/versions";

export const metadata = { title: "Review" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewRoute({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/reviews/${id}`);
  const review = await orNotFound(getReview(actor, id));
  const reviews = await listModelReviews(actor, review.modelId);
  // The baseline is the newest earlier version a board signed off, so reviewers see what changed since.
  const baseline = reviews
    .filter((r) => r.status === "approved" && r.version < review.version)
    .reduce<number | null>((newest, r) => (newest === null || r.version > newest ? r.version : newest), null);
  const [version, before] = await Promise.all([
    getVersion(actor, review.modelId, review.version),
    baseline === null ? Promise.resolve(null) : getVersion(actor, review.modelId, baseline),
  ]);
  const versionAuthorId = version.author.id;
  return (
    <ReviewPage
      review={JSON.parse(JSON.stringify(review))}
      document={version.document}
      baseline={
        before
          ? {
              version: before.number,
              document: before.document,
              diff: diffDocuments(before.document, version.document),
            }
          : null
      }
      currentUserId={actor.id}
      isAuthor={versionAuthorId === actor.id}
    />
  );
}
