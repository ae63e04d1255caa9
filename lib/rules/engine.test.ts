import { describe, expect, it } from "vitest";
import type { ThreatModelDocument } from "@/lib/domain/document";
import { indexDocument } from "./document-index";
import { evaluateElement, evaluateFlow, kindsMatchedBy } from "./engine";
import { englishList, explain, type Match, render } from "./match";
import { buildDocument, link, node, ZONES, zone } from "./testing";
import {
  all,
  any,
  baseType,
  because,
  classified,
  type ElementCondition,
  exposed,
  type FlowCondition,
  first,
  flowIn,
  flowOut,
  isTrue,
  kind,
  neighbour,
  not,
  property,
  toTrust,
  trust,
} from "./types";

const Z = Object.values(ZONES);

function onElement(document: ThreatModelDocument, id: string, condition: ElementCondition) {
  const index = indexDocument(document);
  const element = index.elements.get(id);
  if (!element) throw new Error(`no element ${id}`);
  return evaluateElement(condition, element, index);
}

function onFlow(document: ThreatModelDocument, id: string, condition: FlowCondition) {
  const flow = document.flows.find((f) => f.id === id);
  if (!flow) throw new Error(`no flow ${id}`);
  return evaluateFlow(condition, flow, indexDocument(document));
}

const why = (match: Match | undefined) => (match ? explain(match) : undefined);

const agent = buildDocument({
  elements: [
    ...Z,
    node("agent", "llm-agent", "Agent", { tools: ["search", "send-email"], autonomy: "suggests-only" }),
  ],
});

describe("combinators", () => {
  const tools = because("can call {value}", property("tools", { nonEmpty: true }));
  const suggests = because("only suggests", property("autonomy", { is: "suggests-only" }));
  const acts = because("acts alone", property("autonomy", { is: "acts-without-confirmation" }));

  it("all needs every part and explains with each part's note", () => {
    expect(why(onElement(agent, "agent", all([tools, suggests])))).toEqual([
      "can call search and send-email",
      "only suggests",
    ]);
    expect(onElement(agent, "agent", all([tools, acts]))).toBeUndefined();
  });

  it("any explains with every matching branch, first with the first alone", () => {
    expect(why(onElement(agent, "agent", any([acts, tools, suggests])))).toEqual([
      "can call search and send-email",
      "only suggests",
    ]);
    expect(why(onElement(agent, "agent", first([acts, tools, suggests])))).toEqual([
      "can call search and send-email",
    ]);
    expect(onElement(agent, "agent", any([acts]))).toBeUndefined();
  });

  it("not matches when its part does not, and can carry its own note", () => {
    expect(why(onElement(agent, "agent", because("is not autonomous", not(acts))))).toEqual([
      "is not autonomous",
    ]);
    expect(onElement(agent, "agent", not(tools))).toBeUndefined();
  });

  it("a note on a combinator replaces the notes inside it", () => {
    expect(why(onElement(agent, "agent", because("is an assistant", all([tools, suggests]))))).toEqual([
      "is an assistant",
    ]);
  });
});

describe("value tests", () => {
  const model = (serializationFormat: string) =>
    buildDocument({ elements: [...Z, node("m", "third-party-model", "M", { serializationFormat })] });
  const pickle = property("serializationFormat", { hasWord: ["pt", "pickle", "torch script"] });

  it("matches whole words, case-insensitively, including several-word needles", () => {
    expect(onElement(model("weights.PT"), "m", pickle)).toBeDefined();
    expect(onElement(model("Torch Script archive"), "m", pickle)).toBeDefined();
    expect(onElement(model("prompt"), "m", pickle)).toBeUndefined();
    expect(onElement(model("script torch"), "m", pickle)).toBeUndefined();
  });

  it("treats an absent property as failing every test", () => {
    const bare = buildDocument({ elements: [...Z, node("m", "third-party-model", "M")] });
    expect(onElement(bare, "m", pickle)).toBeUndefined();
    expect(onElement(bare, "m", isTrue("verifiedChecksum"))).toBeUndefined();
    expect(onElement(bare, "m", not(isTrue("verifiedChecksum")))).toBeDefined();
    expect(onElement(bare, "m", property("vendor", { nonEmpty: true }))).toBeUndefined();
  });

  it("matches one of several exact values", () => {
    const autonomy = property("autonomy", { oneOf: ["acts-with-confirmation", "acts-without-confirmation"] });
    expect(why(onElement(agent, "agent", because("acts ({value})", autonomy)))).toBeUndefined();
    const acting = buildDocument({
      elements: [...Z, node("agent", "llm-agent", "Agent", { autonomy: "acts-with-confirmation" })],
    });
    expect(why(onElement(acting, "agent", because("acts ({value})", autonomy)))).toEqual([
      "acts (acts-with-confirmation)",
    ]);
  });

  it("does not count an empty list as non-empty", () => {
    const idle = buildDocument({ elements: [...Z, node("a", "llm-agent", "A", { tools: [] })] });
    expect(onElement(idle, "a", property("tools", { nonEmpty: true }))).toBeUndefined();
  });
});

describe("flows and neighbours", () => {
  const document = buildDocument({
    elements: [
      ...Z,
      node("user", "end-user", "User", {}, { in: "internet" }),
      node("app", "process", "App"),
      node("store", "datastore", "Store", {}, { in: "vault" }),
    ],
    flows: [
      link("user", "app", { dataClassification: "confidential" }),
      link("app", "store", { bidirectional: true }),
    ],
  });

  it("binds the neighbour, flow and classification of every matching flow", () => {
    const match = onElement(
      document,
      "app",
      because("gets {classification} data from {neighbour}", flowIn(classified("confidential"))),
    );
    expect(why(match)).toEqual(["gets confidential data from User"]);
  });

  it("reads a bidirectional flow as going both ways", () => {
    expect(onElement(document, "app", flowIn(neighbour(kind("datastore"))))).toBeDefined();
    expect(onElement(document, "store", flowOut(neighbour(kind("process"))))).toBeDefined();
    expect(onElement(document, "user", flowIn(neighbour(kind("process"))))).toBeUndefined();
  });

  it("keeps values found on the neighbour out of the subject's reason", () => {
    const match = onElement(document, "app", flowIn(neighbour(trust("untrusted"))));
    expect(match?.values.zone).toBeUndefined();
    expect(match?.values.neighbour).toEqual(["User"]);
    expect(
      why(onElement(document, "app", flowIn(neighbour(because("sits in {zone}", trust("untrusted")))))),
    ).toEqual(["sits in Internet (untrusted)"]);
  });

  it("tells flows into a more trusted zone from flows out of one", () => {
    expect(onFlow(document, "user->app", toTrust("higher"))).toBeDefined();
    expect(onFlow(document, "user->app", toTrust("lower"))).toBeUndefined();
    // Bidirectional between internal and restricted: data goes both up and down.
    expect(onFlow(document, "app->store", toTrust("higher"))).toBeDefined();
    expect(onFlow(document, "app->store", toTrust("lower"))).toBeDefined();
  });
});

describe("exposure", () => {
  const document = buildDocument({
    elements: [
      ...Z,
      zone("unrated", "Unrated zone"),
      node("inside", "process", "Inside", {}, { in: "internet" }),
      node("outside", "process", "Outside", {}, { in: null }),
      { id: "unrated-app", kind: "process", label: "Unrated app", parentId: "unrated" },
      node("fed", "process", "Fed"),
      node("from-broker", "process", "From broker"),
      node("broker", "data-broker", "Broker", {}, { in: "partner" }),
      node("safe", "process", "Safe"),
    ],
    flows: [link("inside", "fed"), link("broker", "from-broker"), link("fed", "safe")],
  });
  const exposure = (id: string) => why(onElement(document, id, because("{exposure}", exposed())));

  it("covers the untrusted zone, the area outside every boundary, and flows from either or from outsiders", () => {
    expect(exposure("inside")).toEqual(["sits in Internet (untrusted)"]);
    expect(exposure("outside")).toEqual(["sits in the untrusted area outside every trust boundary"]);
    expect(exposure("unrated-app")).toEqual(["sits in Unrated zone (untrusted)"]);
    expect(exposure("fed")).toEqual(["receives data from Inside"]);
    expect(exposure("from-broker")).toEqual(["receives data from Broker"]);
    expect(exposure("safe")).toBeUndefined();
  });
});

describe("templates", () => {
  it("reads lists as English and leaves unknown placeholders visible", () => {
    expect(englishList(["a"])).toBe("a");
    expect(englishList(["a", "b", "c"])).toBe("a, b and c");
    expect(
      render("{target} talks to {neighbour} via {nonsense}", { target: ["X"], neighbour: ["Y", "Z"] }),
    ).toBe("X talks to Y and Z via {nonsense}");
  });
});

describe("kindsMatchedBy", () => {
  it("intersects under all, unites under any, and gives up under not", () => {
    expect([...(kindsMatchedBy(all([baseType("datastore"), kind("dataset", "process")])) ?? [])]).toEqual([
      "dataset",
    ]);
    expect([...(kindsMatchedBy(any([kind("dataset"), kind("end-user")])) ?? [])].sort()).toEqual([
      "dataset",
      "end-user",
    ]);
    expect(kindsMatchedBy(any([kind("dataset"), isTrue("x")]))).toBeUndefined();
    expect(kindsMatchedBy(not(kind("dataset")))).toBeUndefined();
  });
});
