// Shared helpers of the tool-integrity tests: admin and workload tokens, registry/approve/verify calls
// over real HTTP, tools/list builders, and direct reads of the `servers` and `tools` tables.
import { TableClient } from "@azure/data-tables";
import { bearer, devToken, type TestEdge } from "../helpers/edge.ts";

export const adminToken = (sub = "admin-ann"): Promise<string> => devToken({ sub, roles: ["Edge.Admin"] });
export const screenToken = (): Promise<string> => devToken({ client: "apim", roles: ["Edge.Screen"] });

export interface Tool {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export function tool(name: string, description: string, extra: Record<string, unknown> = {}): Tool {
  return {
    name,
    description,
    inputSchema: { type: "object", properties: { query: { type: "string", description: "What to look for." } }, required: ["query"] },
    ...extra,
  };
}

export function page(tools: unknown[], nextCursor?: string): Record<string, unknown> {
  return nextCursor === undefined ? { tools } : { tools, nextCursor };
}

export function serverBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { displayName: "Example MCP", baseUrl: "https://mcp.example.com/mcp", owner: "team-platform", state: "approved", ...overrides };
}

const json = (token: string, extra: Record<string, string> = {}): Record<string, string> => bearer(token, { "Content-Type": "application/json", ...extra });

export function putServer(edge: TestEdge, token: string, id: string, body: unknown = serverBody(), headers: Record<string, string> = {}): Promise<Response> {
  return edge.fetch(`/api/servers/${id}`, { method: "PUT", headers: json(token, headers), body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** Registers a server (201 or 200) or throws. */
export async function ensureServer(edge: TestEdge, id: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const response = await putServer(edge, await adminToken(), id, serverBody(overrides));
  if (response.status !== 201 && response.status !== 200) throw new Error(`PUT ${id} answered ${response.status}: ${await response.text()}`);
}

export function approve(edge: TestEdge, token: string, id: string, result: unknown): Promise<Response> {
  return edge.fetch(`/api/servers/${id}/tools/approve`, { method: "POST", headers: json(token), body: typeof result === "string" ? result : JSON.stringify(result) });
}

export function verify(edge: TestEdge, token: string, id: string, result: unknown): Promise<Response> {
  return edge.fetch(`/api/servers/${id}/tools/verify`, { method: "POST", headers: json(token), body: typeof result === "string" ? result : JSON.stringify(result) });
}

export interface VerifyBody {
  verdict: "allow" | "flag" | "block";
  serverId: string;
  complete: boolean;
  pinsVersion: number | null;
  tools: Array<{
    name: string;
    status: "pinned" | "changed" | "new" | "removed";
    hash?: string;
    pinnedHash?: string;
    diff?: {
      oldHash: string;
      newHash: string;
      fields?: Array<{ field: string; change: string; oldHash: string | null; newHash: string | null; paths?: string[]; text?: { at: number; removed: string; added: string; summary: string } }>;
    };
  }>;
  findings: Array<{ rule: string; category: string; owasp: string; severity: string; tool?: string; location: { field: string; index?: number; start: number; end: number }; related?: { serverId: string; tool?: string } }>;
  counts: Record<string, number>;
}

export interface ApproveBody {
  serverId: string;
  version: number;
  complete: boolean;
  tools: Array<{ name: string; hash: string; status: string }>;
  unpinned: Array<{ name: string; hash: string }>;
  findings: VerifyBody["findings"];
}

/** Approves and answers the body, or throws. */
export async function approveOk(edge: TestEdge, id: string, result: unknown, token?: string): Promise<ApproveBody> {
  const response = await approve(edge, token ?? (await adminToken()), id, result);
  if (response.status !== 200) throw new Error(`approve ${id} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ApproveBody;
}

/** Verifies (as APIM's workload) and answers the body, or throws. */
export async function verifyOk(edge: TestEdge, id: string, result: unknown): Promise<VerifyBody> {
  const response = await verify(edge, await screenToken(), id, result);
  if (response.status !== 200) throw new Error(`verify ${id} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as VerifyBody;
}

/** Every row of a table, as stored (optionally one partition). */
export async function tableRows(edge: TestEdge, table: "servers" | "tools", partitionKey?: string): Promise<Array<Record<string, unknown>>> {
  const connectionString = edge.settings.tables.connectionString;
  if (!connectionString) throw new Error("the test edge has no connection string");
  const client = TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
  const rows: Array<Record<string, unknown>> = [];
  try {
    const filter = partitionKey ? `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'` : undefined;
    for await (const entity of client.listEntities({ ...(filter ? { queryOptions: { filter } } : {}) })) rows.push(entity);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
  return rows;
}

/** Rows of both tables, for "nothing was stored" comparisons (ETags and timestamps included). */
export async function snapshot(edge: TestEdge): Promise<string> {
  const rows = [...(await tableRows(edge, "servers")), ...(await tableRows(edge, "tools"))];
  return JSON.stringify(rows.map((row) => [row.partitionKey, row.rowKey, row.etag]).sort());
}
