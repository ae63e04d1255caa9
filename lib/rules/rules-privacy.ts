import { PERSONAL_DATA, PERSONAL_WORDS, SENSITIVE } from "./conditions";
import {
  all,
  any,
  asset,
  because,
  classified,
  elementRule,
  flowIn,
  flowOut,
  flowRule,
  from,
  kind,
  type Rule,
  toTrust,
} from "./types";

/** LINDDUN privacy rules, for elements and flows that hold or carry personal data. */

export const PRIVACY_RULES: readonly Rule[] = [
  elementRule({
    id: "personal-data-at-rest",
    suggests: ["linddun-data-disclosure", "linddun-identifying", "linddun-linking"],
    summary: "A data store, dataset, feature store or vector store holds personal data.",
    when: all([kind("datastore", "dataset", "feature-store", "vector-store"), PERSONAL_DATA]),
  }),
  elementRule({
    id: "personal-data-from-people",
    suggests: ["linddun-unawareness"],
    summary: "An end user supplies confidential or restricted data.",
    when: all([
      kind("end-user"),
      because("supplies {classification} data to {neighbour}", flowOut(classified(...SENSITIVE))),
    ]),
  }),
  elementRule({
    id: "personal-data-from-broker",
    suggests: ["linddun-linking", "linddun-non-compliance", "linddun-unawareness"],
    summary: "A data broker supplies confidential or restricted data, or personal data assets.",
    when: all([
      kind("data-broker"),
      any([
        because("supplies {classification} data to {neighbour}", flowOut(classified(...SENSITIVE))),
        because("supplies {asset}", asset({ classification: SENSITIVE, words: PERSONAL_WORDS })),
      ]),
    ]),
  }),
  elementRule({
    id: "monitoring-logs-personal-data",
    suggests: ["linddun-non-repudiation"],
    summary: "A monitoring element records confidential or restricted data.",
    when: all([
      kind("monitoring"),
      because("records {classification} data from {neighbour}", flowIn(classified(...SENSITIVE))),
    ]),
  }),
  flowRule({
    id: "personal-data-to-lower-trust",
    suggests: ["linddun-data-disclosure"],
    summary: "A confidential or restricted flow carries personal data into a less trusted zone.",
    reason: "{target} carries {classification} data from {source}, which {why}, into a less trusted zone",
    when: all([classified(...SENSITIVE), toTrust("lower"), from(PERSONAL_DATA)]),
  }),
];
