import { bench, describe } from "vitest";
import { ThreatModelDocumentSchema } from "@/lib/domain/document";
import { generatedDocument } from "@/lib/domain/fixtures/generated";
import { suggestThreats } from "./suggest";
import { stubLookup } from "./testing";

// `npx vitest bench --run --project unit lib/rules` (without --project, the integration project's
// database setup runs too): suggestion time on generated 1,000-element, 1,500-flow models, each a
// fresh parse so the element-tree cache starts cold, as in a request.
const documents = Array.from({ length: 8 }, (_, seed) =>
  ThreatModelDocumentSchema.parse(generatedDocument(1000, 1500, 42 + seed)),
);
let next = 0;

describe("suggestThreats", () => {
  bench("1,000 elements / 1,500 flows", () => {
    const document = documents[next++ % documents.length];
    if (document) suggestThreats(document, stubLookup);
  });
});
