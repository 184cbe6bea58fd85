// Liveness and readiness. /api/health needs nothing; /api/ready checks each configured dependency.
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { TABLE_NAMES } from "../shared/tables/names.ts";
import { jsonResponse, problemResponse } from "./http/problem.ts";
import type { EdgeRequest } from "./http/route.ts";

export async function health(): Promise<HttpResponseInit> {
  return jsonResponse(200, { status: "ok" });
}

type Check = [name: string, run: () => Promise<void>];

export async function ready({ services, correlationId }: EdgeRequest): Promise<HttpResponseInit> {
  const checks: Check[] = [];
  const { tables, verifier, audit } = services;
  if (tables) checks.push(["table", () => tables.ping(TABLE_NAMES.sessions)]);
  for (const source of verifier.issuers) {
    checks.push([`issuer:${source.config.issuer}`, async () => void (await source.getKeyResolver())]);
  }
  for (const extra of services.readinessChecks) checks.push([extra.name, extra.check]);
  checks.push([
    "telemetry",
    async () => {
      const error = audit.lastError();
      if (error) throw new Error(error);
    },
  ]);
  const results = await Promise.all(
    checks.map(async ([name, run]) => {
      try {
        await run();
        return { name, ok: true };
      } catch {
        return { name, ok: false };
      }
    }),
  );
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length > 0) {
    return problemResponse({
      status: 503,
      type: "not-ready",
      detail: `not ready: ${failed.join(", ")}`,
      correlationId,
      headers: { "Retry-After": "5" },
      extensions: { checks: results },
    });
  }
  return jsonResponse(200, { status: "ready", checks: results });
}
