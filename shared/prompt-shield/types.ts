// The prompt-shield port: a remote detector of prompt attacks (Azure AI Content Safety Prompt
// Shields). The local screening engine always runs; a remote shield's result is merged with it.

export interface ShieldInput {
  /** Direct input of a user or agent (jailbreak detection). */
  readonly userPrompt?: string;
  /** Third-party content: tool results, resources, tool descriptions (indirect attacks). */
  readonly documents: readonly string[];
}

export interface ShieldResult {
  readonly userPromptAttack: boolean;
  /** Positional: one entry per input document. */
  readonly documentsAttack: readonly boolean[];
}

export interface PromptShield {
  readonly name: string;
  /** Throws ShieldUnavailableError when no answer can be had within the deadline. */
  shield(input: ShieldInput, options?: { abortSignal?: AbortSignal }): Promise<ShieldResult>;
  /** For /api/ready: undefined when healthy, else why not. */
  state(): string | undefined;
  /** Harm categories of each text (Content Safety text:analyze); only detected ones (severity > 0). */
  analyzeHarm?(texts: readonly string[], categories: readonly HarmCategory[], options?: { abortSignal?: AbortSignal }): Promise<HarmResult[]>;
}

export const HARM_CATEGORIES = ["Hate", "SelfHarm", "Sexual", "Violence"] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

export interface HarmResult {
  /** Which input text. */
  readonly index: number;
  readonly category: string;
  /** 0, 2, 4 or 6 (FourSeverityLevels). */
  readonly severity: number;
}

export class ShieldUnavailableError extends Error {
  override readonly name = "ShieldUnavailableError";
  constructor(readonly reason: string) {
    super(`prompt shield unavailable: ${reason}`);
  }
}
