// Shared helpers of the session tests: a movable clock, session calls over real HTTP, and direct
// reads of the `sessions` table (to check what is and is not stored).
import { request as httpRequest, Agent } from "node:http";
import { TableClient } from "@azure/data-tables";
import type { TestEdge } from "../helpers/edge.ts";
import { bearer } from "../helpers/edge.ts";

export class TestClock {
  constructor(public ms: number = Date.now()) {}
  readonly now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Issued {
  sessionId: string;
  expiresAt: string;
  idleExpiresAt: string;
}

export async function createSession(edge: TestEdge, token: string, body?: Record<string, unknown>): Promise<Issued> {
  const response = await edge.fetch("/api/sessions", {
    method: "POST",
    headers: bearer(token, body ? { "Content-Type": "application/json" } : {}),
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Issued;
}

export function getSession(edge: TestEdge, token: string, sessionId: string): Promise<Response> {
  return edge.fetch(`/api/sessions/${sessionId}`, { headers: bearer(token) });
}

export async function statusOf(edge: TestEdge, token: string, sessionId: string): Promise<number> {
  const response = await getSession(edge, token, sessionId);
  await response.body?.cancel();
  return response.status;
}

export function rotate(edge: TestEdge, token: string, sessionId: string): Promise<Response> {
  return edge.fetch(`/api/sessions/${sessionId}/rotate`, { method: "POST", headers: bearer(token) });
}

export function revoke(edge: TestEdge, token: string, sessionId: string): Promise<Response> {
  return edge.fetch(`/api/sessions/${sessionId}`, { method: "DELETE", headers: bearer(token) });
}

/** A problem body without its per-request correlation id. */
export async function problemWithoutCorrelation(response: Response): Promise<Record<string, unknown>> {
  const { correlationId: _ignored, ...rest } = (await response.json()) as Record<string, unknown>;
  return rest;
}

/** Every row of the sessions table, as stored. */
export async function tableRows(edge: TestEdge, partitionKey?: string): Promise<Array<Record<string, unknown>>> {
  const connectionString = edge.settings.tables.connectionString;
  if (!connectionString) throw new Error("the test edge has no connection string");
  const client = TableClient.fromConnectionString(connectionString, "sessions", { allowInsecureConnection: true });
  const rows: Array<Record<string, unknown>> = [];
  const filter = partitionKey ? `PartitionKey eq '${partitionKey}'` : undefined;
  for await (const entity of client.listEntities({ ...(filter ? { queryOptions: { filter } } : {}) })) rows.push(entity);
  return rows;
}

/** Many concurrent GETs over a bounded keep-alive pool (node:http), answering the statuses. */
export async function concurrentGets(url: string, headers: Record<string, string>, count: number, sockets = 128): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  try {
    return await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<number>((resolve, reject) => {
            const req = httpRequest(url, { agent, headers }, (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
              res.on("error", reject);
            });
            req.on("error", reject);
            req.end();
          }),
      ),
    );
  } finally {
    agent.destroy();
  }
}
