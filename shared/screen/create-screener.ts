// The screener as the settings describe it: the endpoint and the CLI build it here, so that both
// screen with exactly the same engine, policy, allowed hosts and (when CONTENT_SAFETY_ENDPOINT is set)
// the same Content Safety client, deadline and fail mode.
import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { Settings } from "../config/settings.ts";
import type { PromptShield } from "../prompt-shield/types.ts";
import { Screener } from "./screener.ts";

export interface ScreenerParts {
  /** Content Safety's credential, asked for only when an endpoint is configured (no keys: an Entra identity). */
  readonly credential: () => TokenCredential;
  /** Extra pipeline policies (tests: trust in a local double's certificate). */
  readonly additionalPolicies?: PipelinePolicy[];
}

export async function createScreener(settings: Pick<Settings, "screening" | "contentSafetyEndpoint">, parts: ScreenerParts): Promise<{ screener: Screener; shield?: PromptShield }> {
  let shield: PromptShield | undefined;
  if (settings.contentSafetyEndpoint) {
    // loaded on demand: a local run without Content Safety never pays for the Azure client
    const { AzurePromptShield } = await import("../prompt-shield/azure-prompt-shield.ts");
    shield = new AzurePromptShield({
      endpoint: settings.contentSafetyEndpoint.href.replace(/\/+$/, ""),
      credential: parts.credential(),
      deadlineMs: settings.screening.deadlineMs,
      ...(parts.additionalPolicies ? { additionalPolicies: parts.additionalPolicies } : {}),
    });
  }
  const screener = new Screener({
    policy: settings.screening.policy,
    failMode: settings.screening.failMode,
    allowedHosts: settings.screening.allowedHosts,
    harmCategories: settings.screening.harmCategories,
    ...(shield ? { shield } : {}),
  });
  return shield ? { screener, shield } : { screener };
}
