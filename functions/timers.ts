// The timer table: scheduled jobs, registered with app.timer on Azure and run on the same schedule
// by the local host (aligned setInterval). `npm run purge` runs the session purge once.
import type { Services } from "./services.ts";
import { DependencyUnavailableError } from "../shared/identity/errors.ts";
import type { PurgeResult } from "../shared/sessions/session-store.ts";

export interface TimerDefinition {
  /** Function name on Azure (unique among all functions). */
  readonly name: string;
  /** NCRONTAB with seconds, as app.timer takes it. */
  readonly schedule: string;
  /** The same schedule for the local host: runs at every multiple of this since the epoch (UTC). */
  readonly intervalMs: number;
  run(services: Services): Promise<unknown>;
}

/** Deletes expired, revoked and rotated-away session rows; audited either way. */
export async function purgeSessions(services: Services): Promise<PurgeResult | undefined> {
  const { sessions, audit } = services;
  if (!sessions) {
    audit.record({ action: "session.purge", outcome: "info", owasp: "MCP07", reason: "not_configured" });
    return undefined;
  }
  const started = performance.now();
  try {
    const result = await sessions.purgeExpired();
    audit.record({
      action: "session.purge",
      outcome: "info",
      owasp: "MCP07",
      details: { ...result, durationMs: Math.round(performance.now() - started) },
    });
    return result;
  } catch (error) {
    audit.record({
      action: "session.purge",
      outcome: "error",
      owasp: "MCP07",
      reason: error instanceof DependencyUnavailableError ? `${error.dependency}:${error.reason}` : error instanceof Error ? error.name : "unknown",
    });
    throw error;
  }
}

export const TIMERS: readonly TimerDefinition[] = [
  { name: "sessionsPurge", schedule: "0 0 * * * *", intervalMs: 60 * 60 * 1000, run: purgeSessions },
];
