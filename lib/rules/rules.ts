import { LLM_RULES } from "./rules-llm";
import { ML_RULES } from "./rules-ml";
import { PRIVACY_RULES } from "./rules-privacy";
import { STRIDE_RULES } from "./rules-stride";
import type { Rule } from "./types";

/**
 * Every suggestion rule, in the order their suggestions are listed for one target: the specific
 * (LLM, ML) before the general (STRIDE, privacy). Each fires only when something in the diagram
 * makes its threats relevant; the rule files are plain data read by engine.ts.
 */
export const RULES: readonly Rule[] = [...LLM_RULES, ...ML_RULES, ...STRIDE_RULES, ...PRIVACY_RULES];
