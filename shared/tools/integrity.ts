// Tool integrity (issue 6): the server registry, tool pins and verification, put together. This is
// the service the HTTP adapters call (functions/servers.ts, and /api/screen's JSON-RPC mode).
//
// Which server states each operation accepts:
//   registry (GET/PUT/DELETE)   any state — admins must be able to manage a blocked server
//   approve                     approved, pending (pin first, then switch to approved); blocked → refused (403)
//   verify, list_changed        approved only; pending and blocked → refused (403); unknown → 404
// Table outages surface as DependencyUnavailableError (503): nothing is ever allowed without the tables.
import type { TableStore } from "../tables/table-store.ts";
import { ServerRefusedError } from "./errors.ts";
import type { OtherServerNames } from "./confusables.ts";
import { ToolPins, type ApprovalOutcome, type PinSet } from "./pins.ts";
import { assertServerId, ServerRegistry, type ServerRecord } from "./registry.ts";
import { parseToolsList, type ParsedToolsList } from "./tools-list.ts";
import { evaluate, type ToolFinding, type VerifyOptions, type VerifyResult } from "./verify.ts";

export interface ApprovalResult extends ApprovalOutcome {
  /** What verification would say about the approved list besides pinning (screening, shadowing): informational. */
  readonly findings: readonly ToolFinding[];
}

export interface ListChangedResult {
  readonly verdict: "flag";
  readonly serverId: string;
  /** The next tools/list result of this server must go through verification. */
  readonly verifyNextToolsList: true;
  readonly findings: readonly ToolFinding[];
}

export interface ToolIntegrityOptions {
  readonly tables: TableStore;
  readonly clock?: () => number;
}

export class ToolIntegrity {
  readonly registry: ServerRegistry;
  readonly pins: ToolPins;

  constructor(options: ToolIntegrityOptions) {
    const clock = options.clock ? { clock: options.clock } : {};
    this.registry = new ServerRegistry(options.tables, clock);
    this.pins = new ToolPins(options.tables, clock);
  }

  /** The server, if it may be used for `purpose`; otherwise ServerRefusedError (unknown 404, blocked/pending 403). */
  async requireServer(serverId: string, purpose: "approve" | "verify"): Promise<ServerRecord> {
    assertServerId(serverId);
    const server = await this.registry.get(serverId);
    if (!server) throw new ServerRefusedError(serverId, "unknown");
    if (server.state === "blocked") throw new ServerRefusedError(serverId, "blocked");
    if (server.state === "pending" && purpose === "verify") throw new ServerRefusedError(serverId, "pending");
    return server;
  }

  /**
   * Pins a tools/list result (one page, or an array of pages; a JSON-RPC response envelope is
   * accepted). The input is validated before anything is read or written (ToolsInputError → 400).
   */
  async approve(serverId: string, input: unknown, approvedBy: string): Promise<ApprovalResult> {
    assertServerId(serverId);
    const list = parseToolsList(input);
    const server = await this.requireServer(serverId, "approve");
    // Computed before the commit, so that an outage here leaves nothing committed behind a 503.
    const others = await this.otherServers(server.id);
    const { findings } = evaluate({ server, list, pins: undefined, pinnedDefinitions: new Map(), others });
    const outcome = await this.pins.approve(server, list, approvedBy);
    return { ...outcome, findings: findings.filter((f) => f.category !== "tool_integrity") };
  }

  /**
   * Verifies a tools/list result against the server's pins, other servers' tools and the screening
   * rules. This is `/api/servers/{id}/tools/verify` and /api/screen's verification (X-MCP-Server-Id).
   */
  async verify(serverId: string, input: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
    assertServerId(serverId);
    const list = parseToolsList(input, { allowDuplicates: true });
    return this.verifyParsed(serverId, list, options);
  }

  async verifyParsed(serverId: string, list: ParsedToolsList, options: VerifyOptions = {}): Promise<VerifyResult> {
    const server = await this.requireServer(serverId, "verify");
    const [pins, others] = await Promise.all([this.pins.read(server), this.otherServers(server.id)]);
    const changedHashes = pins ? list.tools.flatMap((tool) => {
      const pin = pins.pins.get(tool.name);
      return pin && pin.hash !== tool.hash ? [pin.hash] : [];
    }) : [];
    const pinnedDefinitions = changedHashes.length > 0 ? await this.pins.definitions(server.id, changedHashes.slice(0, 100)) : new Map<string, string>();
    return evaluate({ server, list, pins, pinnedDefinitions, others, options });
  }

  /**
   * `notifications/tools/list_changed` from a server: refused like verification for unknown, pending
   * or blocked servers; otherwise a `flag` saying that the next tools/list must be verified.
   */
  async toolsListChanged(serverId: string): Promise<ListChangedResult> {
    const server = await this.requireServer(serverId, "verify");
    return {
      verdict: "flag",
      serverId: server.id,
      verifyNextToolsList: true,
      findings: [
        {
          rule: "tools_list_changed",
          category: "tool_integrity",
          owasp: "MCP03",
          severity: "medium",
          location: { field: "method", start: 0, end: 0 },
          message: "the server's tool list changed: its next tools/list result must be verified before it reaches a model",
        },
      ],
    };
  }

  /** Approved tool names of every other server that is not blocked, for the current epochs. */
  async otherServers(serverId: string): Promise<OtherServerNames[]> {
    const [servers, sets] = await Promise.all([this.registry.list(), this.pins.readAll()]);
    const byId = new Map<string, PinSet>(sets.map((set) => [set.serverId, set]));
    const others: OtherServerNames[] = [];
    for (const server of servers) {
      if (server.id === serverId || server.state === "blocked") continue;
      const set = byId.get(server.id);
      const tools = set && set.epoch === server.epoch ? [...set.pins.keys()] : [];
      others.push({ serverId: server.id, displayName: server.displayName, tools });
    }
    return others;
  }

  /** Deletes the server row, then its pins (a failure there is harmless: the epoch no longer matches). */
  async deleteServer(serverId: string, ifMatch?: string): Promise<{ deleted: ServerRecord | undefined; pinsRemoved: boolean }> {
    const deleted = await this.registry.delete(serverId, ifMatch);
    if (!deleted) return { deleted, pinsRemoved: false };
    try {
      await this.pins.deleteServer(serverId);
      return { deleted, pinsRemoved: true };
    } catch {
      return { deleted, pinsRemoved: false };
    }
  }
}
