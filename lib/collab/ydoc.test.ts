import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoDocument } from "@/lib/db/seed";
import { canonicalJson } from "@/lib/domain/canonical";
import { canonicalizeParsed } from "@/lib/domain/canonical-document";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { documentToYDoc, readDocument, seedUpdate, writeDocument } from "./ydoc";

const canonical = (document: ThreatModelDocument) => canonicalJson(canonicalizeParsed(document));

/** Two replicas that exchange every update, as two browsers through the server would. */
function pair(document: ThreatModelDocument) {
  const a = documentToYDoc(document);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe("the live document", () => {
  it("reads back exactly what was written (the demo model)", () => {
    const document = demoDocument();
    expect(canonical(readDocument(documentToYDoc(document)))).toBe(canonical(document));
  });

  it("keeps both people's edits to different fields of one element", () => {
    const document = demoDocument();
    const { a, b } = pair(document);
    const target = document.elements.find((e) => e.kind !== "trust-boundary");
    if (!target) throw new Error("no element");
    const edit = (ydoc: Y.Doc, patch: object) => {
      const before = readDocument(ydoc);
      writeDocument(
        ydoc,
        {
          ...before,
          elements: before.elements.map((e) => (e.id === target.id ? { ...e, ...patch } : e)),
        },
        before,
      );
    };
    edit(a, { label: "Renamed by A" });
    edit(b, { position: { x: 999, y: 111 } });
    sync(a, b);
    sync(b, a);
    for (const replica of [a, b]) {
      const merged = readDocument(replica).elements.find((e) => e.id === target.id);
      expect(merged).toMatchObject({ label: "Renamed by A", position: { x: 999, y: 111 } });
    }
    expect(canonical(readDocument(a))).toBe(canonical(readDocument(b)));
  });

  it("drops a flow whose element someone else deleted meanwhile, and stays schema-valid", () => {
    const document = demoDocument();
    const { a, b } = pair(document);
    const flow = document.flows[0];
    if (!flow) throw new Error("no flow");
    // A removes the flow's source; B edits the flow's label at the same time.
    const inA = readDocument(a);
    writeDocument(
      a,
      {
        ...inA,
        elements: inA.elements.filter((e) => e.id !== flow.source),
        flows: inA.flows.filter((f) => f.source !== flow.source && f.target !== flow.source),
      },
      inA,
    );
    const inB = readDocument(b);
    writeDocument(
      b,
      { ...inB, flows: inB.flows.map((f) => (f.id === flow.id ? { ...f, label: "edited" } : f)) },
      inB,
    );
    sync(a, b);
    sync(b, a);
    const merged = readDocument(b);
    expect(merged.elements.some((e) => e.id === flow.source)).toBe(false);
    expect(merged.flows.some((f) => f.source === flow.source || f.target === flow.source)).toBe(false);
    expect(canonical(readDocument(a))).toBe(canonical(merged));
  });

  it("keeps the identity of entries nobody changed", () => {
    const document = demoDocument();
    const ydoc = documentToYDoc(document);
    const first = readDocument(ydoc);
    const moved = {
      ...first,
      elements: first.elements.map((e, i) => (i === 0 ? { ...e, position: { x: 1, y: 2 } } : e)),
    };
    writeDocument(ydoc, moved, first);
    const second = readDocument(ydoc, first);
    expect(second.elements[0]).not.toBe(first.elements[0]);
    expect(second.elements[1]).toBe(first.elements[1]);
    expect(second.flows).toBe(first.flows);
  });

  it("writes only the changed field of a moved element", () => {
    const document = demoDocument();
    const ydoc = documentToYDoc(document);
    const before = readDocument(ydoc);
    const vector = Y.encodeStateVector(ydoc);
    writeDocument(
      ydoc,
      {
        ...before,
        elements: before.elements.map((e, i) => (i === 0 ? { ...e, position: { x: 5, y: 6 } } : e)),
      },
      before,
    );
    expect(Y.encodeStateAsUpdate(ydoc, vector).byteLength).toBeLessThan(120);
  });

  it("appends new entries after the existing ones, in every replica", () => {
    const document = demoDocument();
    const { a, b } = pair(document);
    const base = readDocument(a);
    const extra = {
      ...base.elements[0],
      id: "e-new",
      label: "New one",
      parentId: undefined,
    } as ThreatModelDocument["elements"][number];
    delete (extra as { parentId?: string }).parentId;
    writeDocument(a, { ...base, elements: [...base.elements, extra] }, base);
    sync(a, b);
    expect(readDocument(b).elements.at(-1)?.id).toBe("e-new");
  });
});

describe("reading an unchanged live document", () => {
  it("returns the previous document itself", () => {
    const ydoc = documentToYDoc(demoDocument());
    const first = readDocument(ydoc);
    expect(readDocument(ydoc, first)).toBe(first);
  });
});

describe("seeding a live document", () => {
  it("gives the same update twice, so two instances' seeds merge into one copy an edit cannot miss", () => {
    const document = demoDocument();
    const first = seedUpdate(document);
    expect(Buffer.from(seedUpdate(document)).equals(Buffer.from(first))).toBe(true);
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, first);
    Y.applyUpdate(two, seedUpdate(document));
    const before = readDocument(one);
    writeDocument(one, { ...before, title: "edited on instance one" }, before);
    sync(one, two);
    sync(two, one);
    expect(readDocument(two).title).toBe("edited on instance one");
    expect(readDocument(one).title).toBe("edited on instance one");
  });
});

describe("edits made before a tab has synced", () => {
  it("merge into the live document: nothing the others did meanwhile is overwritten or deleted", () => {
    const document = demoDocument();
    const [kept, renamed, removed] = document.elements.filter((e) => e.kind !== "trust-boundary");
    if (!kept || !renamed || !removed) throw new Error("demo model too small");
    const server = documentToYDoc(document);

    // Meanwhile on the server: someone moves `renamed`, adds an element and edits the title.
    const live = readDocument(server);
    const theirs = { ...kept, id: "el-theirs", label: "Added by someone else" };
    writeDocument(
      server,
      {
        ...live,
        title: "Their title",
        elements: [
          ...live.elements.map((e) => (e.id === renamed.id ? { ...e, position: { x: 7, y: 8 } } : e)),
          theirs,
        ],
      },
      live,
    );

    // This tab, still connecting, renames `renamed`, removes `removed` and adds its own element.
    const mine = { ...kept, id: "el-mine", label: "Added before sync" };
    const local: ThreatModelDocument = {
      ...document,
      elements: [
        ...document.elements
          .filter((e) => e.id !== removed.id)
          .map((e) => (e.id === renamed.id ? { ...e, label: "Renamed before sync" } : e)),
        mine,
      ],
      flows: document.flows.filter((f) => f.source !== removed.id && f.target !== removed.id),
    };
    writeDocument(server, local, document);

    const merged = readDocument(server);
    expect(merged.title).toBe("Their title");
    expect(merged.elements.find((e) => e.id === renamed.id)).toMatchObject({
      label: "Renamed before sync",
      position: { x: 7, y: 8 },
    });
    expect(merged.elements.map((e) => e.id)).toEqual(
      expect.arrayContaining(["el-theirs", "el-mine", kept.id]),
    );
    expect(merged.elements.some((e) => e.id === removed.id)).toBe(false);
  });

  it("without a previous document, a write replaces the content exactly", () => {
    const document = demoDocument();
    const ydoc = documentToYDoc(document);
    const replacement = { ...document, elements: document.elements.slice(0, 2), flows: [] };
    writeDocument(ydoc, replacement);
    expect(canonical(readDocument(ydoc))).toBe(canonical(readDocument(documentToYDoc(replacement))));
    expect(readDocument(ydoc).elements).toHaveLength(2);
  });
});
