// Public types of the local screening engine. Plain TypeScript: no HTTP, Functions or Azure types.

export type Severity = "low" | "medium" | "high";

/** What a piece of text is, which decides which rules apply and how much they weigh. */
export type TextKind = "prompt" | "document" | "tool_result" | "tool_description" | "tool_arguments";

export const TEXT_KINDS: readonly TextKind[] = ["prompt", "document", "tool_result", "tool_description", "tool_arguments"];

export type Category =
  | "instruction_override"
  | "jailbreak"
  | "system_prompt_extraction"
  | "indirect_injection"
  | "tool_poisoning"
  | "exfiltration"
  | "command_injection"
  | "secrets"
  | "pii"
  | "hidden_content";

/** OWASP MCP Top 10 ids used here: MCP01 secrets, MCP03 tool poisoning, MCP05 command injection,
 * MCP06 prompt injection, MCP10 over-sharing / PII / exfiltration. */
export type Owasp = "MCP01" | "MCP03" | "MCP05" | "MCP06" | "MCP10";

/** Categories whose findings mean "someone is attacking the model" (as opposed to data hygiene:
 * secrets and PII are reported and redactable but are not an attack by themselves). */
export const ATTACK_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  "instruction_override",
  "jailbreak",
  "system_prompt_extraction",
  "indirect_injection",
  "tool_poisoning",
  "exfiltration",
  "command_injection",
  "hidden_content",
]);

export interface Location {
  field: string;
  index?: number;
  /** UTF-16 offsets into the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
}

export interface Finding {
  rule: string;
  category: Category;
  owasp: Owasp;
  severity: Severity;
  location: Location;
  message: string;
}

export interface ScreenItem {
  field: string;
  index?: number;
  kind: TextKind;
  text: string;
}

export type Action = "allow" | "flag" | "block";
export type Verdict = Action;

/** Maps each severity to what the edge does with it. */
export type VerdictPolicy = Record<Severity, Action>;

export interface ScreenOptions {
  /** Hosts (exact or parent domain) to which Markdown images and links may point without a finding. */
  allowedHosts?: readonly string[];
  /** Rule ids to skip. */
  disabledRules?: readonly string[];
  /** Upper bound of findings per rule per item (the rest are merged away). Default 20. */
  maxFindingsPerRule?: number;
  /** How many nested encodings (base64 inside URL-encoding …) are decoded. Default 2. */
  maxDecodeDepth?: number;
  /** When given, the engine adds the number of elementary steps it took (a cost measure for tests). */
  counter?: { steps: number };
  /** Also return every secret and PII span per item (`redactions`), not capped like the findings. */
  redactions?: boolean;
}

/** A span of an item's text to replace with `[REDACTED:<label>]`. */
export interface RedactionSpan {
  start: number;
  end: number;
  label: string;
  /** secrets 2, PII 1: where spans overlap, the merged one keeps the label of the highest rank */
  rank: number;
}

export interface ScreenResult {
  findings: Finding[];
  /** Per input item: did a detector see an attack (a finding of an attack category at medium or high)? */
  attackByItem: boolean[];
  /** Per input item, when `redactions` was asked for: all its secret and PII spans. */
  redactions?: RedactionSpan[][];
}

export type SpotlightMode = "delimit" | "datamark" | "base64";

export interface SpotlightResult {
  documents: string[];
  systemPromptHint: string;
}
