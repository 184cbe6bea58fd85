// Starts the real edge (local host, real Azurite, real sockets) for a test file, with audit events
// collected in memory, and mints development-issuer tokens for it.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryAuditSink } from "../../shared/audit/stdout-sink.ts";
import { LOCAL_AUDIENCE } from "../../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken, type DevTokenRequest } from "../../shared/identity/dev-issuer.ts";
import { startLocalEdge, type LocalEdge, type StartOptions } from "../../functions/local/start.ts";

/** One dev key for all tests (created on first use). */
export const TEST_KEY_DIR = join(tmpdir(), "mcp-security-edge-test-keys");

export interface TestEdge extends LocalEdge {
  readonly auditRecords: MemoryAuditSink["records"];
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export async function startTestEdge(env: Record<string, string | undefined> = {}, options: StartOptions = {}): Promise<TestEdge> {
  const sink = new MemoryAuditSink();
  const edge = await startLocalEdge({
    env: { PORT: "0", EDGE_LOG_LEVEL: "silent", ...env },
    auditSink: sink,
    localKeyDir: TEST_KEY_DIR,
    ...options,
  });
  return Object.assign(edge, {
    auditRecords: sink.records,
    fetch: (path: string, init?: RequestInit) => fetch(`${edge.url}${path}`, init),
  });
}

/** A development-issuer token: a user's by default, a workload's with `client`. */
export async function devToken(request: Partial<DevTokenRequest> = {}): Promise<string> {
  const key = await loadOrCreateDevIssuerKey(TEST_KEY_DIR);
  return mintDevToken(key, { audience: LOCAL_AUDIENCE, sub: "alice", scopes: ["mcp.tools"], ...request });
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  const type = response.headers.get("content-type");
  if (type !== "application/problem+json") throw new Error(`expected problem+json, got ${type} (${response.status})`);
  return (await response.json()) as Record<string, unknown>;
}
