// Public surface of the local screening engine.
export { screenTexts, decideVerdict, parsePolicy, redact, redactSpans, mergeAttackFlags, remoteAttackFinding, DEFAULT_POLICY, type ShieldAttackFlags } from "./engine.ts";
export { spotlight } from "./spotlight.ts";
export { normalize, toOriginalStart, toOriginalEnd, type Normalized, type HiddenSignals } from "./normalize.ts";
export { RULES, RULES_BY_ID, severityFor, type Rule, type Matcher } from "./rules.ts";
export * from "./types.ts";
