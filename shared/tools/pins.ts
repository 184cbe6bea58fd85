// Tool pins (table `tools`), issue 6: for each server, which tool definitions an admin approved.
//
// Row layout:
//   PartitionKey "m", RowKey <serverId>: the server's pin set ("manifest") — the commit point.
//     epoch          the server row's epoch when approved (pins of a deleted-and-recreated server
//                    never apply: a different epoch reads as "no pins")
//     version        1, 2, 3… one more on every committed approval
//     complete       whether the last approval was given a complete tools/list
//     updatedAt, updatedBy, toolCount
//     mn, m0, m1…    JSON { approvers: [userKeyHash…], tools: [{ n: name, h: hash, a: approvedAt ms, b: approver index }] },
//                    split across properties of 30,000 UTF-16 units (Edm.String holds 64 KiB)
//   PartitionKey "d:<serverId>", RowKey <hash>: an approved definition, content-addressed
//     name, writtenAt, dn, d0, d1…   the RFC 8785 canonical JSON of the whole tool, split likewise
//
// Approval: definition rows are written first (idempotent upserts: same hash, same content), then the
// manifest is written conditionally — created if absent (409 if someone else created it), replaced
// with the ETag that was read (412 if someone else committed in between). On a conflict the approval
// is recomputed on the fresh manifest and retried (up to 8 times, with jittered backoff), then
// ApprovalConflictError (409). So approvals serialize: none is lost silently — each commits a new
// version, and its answer lists exactly what it changed relative to the version it replaced
// (including tools a concurrent complete approval had pinned a moment before and this one unpinned).
//
// Unreferenced definition rows are deleted after a commit once they are older than 10 minutes (a
// concurrent approval may be about to reference one it just wrote).
import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import { DependencyUnavailableError } from "../identity/errors.ts";
import { statusOf, type TableStore } from "../tables/table-store.ts";
import { TABLE_NAMES } from "../tables/names.ts";
import { fromProperties, toProperties } from "./chunks.ts";
import { ApprovalConflictError, ToolsInputError } from "./errors.ts";
import type { ServerRecord } from "./registry.ts";
import type { ParsedTool, ParsedToolsList } from "./tools-list.ts";

export interface Pin {
  readonly name: string;
  readonly hash: string;
  readonly approvedAt: number;
  /** Hashed user key of the admin who approved this definition. */
  readonly approvedBy: string;
}

export interface PinSet {
  readonly serverId: string;
  readonly epoch: string;
  readonly version: number;
  readonly complete: boolean;
  readonly updatedAt: number;
  readonly updatedBy: string;
  readonly pins: ReadonlyMap<string, Pin>;
}

export interface ApprovedTool {
  readonly name: string;
  readonly hash: string;
  /** `new`: not pinned before; `changed`: pinned with another definition; `unchanged`: same pin kept. */
  readonly status: "new" | "changed" | "unchanged";
  readonly previousHash?: string;
}

export interface ApprovalOutcome {
  readonly serverId: string;
  readonly version: number;
  readonly complete: boolean;
  readonly approvedAt: number;
  readonly approvedBy: string;
  readonly tools: readonly ApprovedTool[];
  /** Pins dropped because a complete list no longer has them. */
  readonly unpinned: ReadonlyArray<{ name: string; hash: string }>;
  /** How many commit attempts it took (1 without contention). */
  readonly attempts: number;
}

/** The manifest JSON must fit the entity (1 MiB) with room to spare. */
export const MAX_MANIFEST_UNITS = 400_000;
const MANIFEST_PARTITION = "m";
const MAX_ATTEMPTS = 8;
const GC_GRACE_MS = 10 * 60 * 1000;
const TRANSACTION_MAX_OPERATIONS = 100;
/** UTF-16 units of definitions per transaction (the service's limit is a 4 MiB payload). */
const TRANSACTION_MAX_UNITS = 1_000_000;
const READ_CONCURRENCY = 8;

const definitionPartition = (serverId: string): string => `d:${serverId}`;

interface ManifestJson {
  approvers: string[];
  tools: Array<{ n: string; h: string; a: number; b: number }>;
}

interface RawManifest {
  readonly etag: string;
  readonly version: number;
  /** Undefined when the row does not parse. */
  readonly pinSet?: PinSet;
}

function parseManifest(serverId: string, entity: Record<string, unknown>): PinSet | undefined {
  const { epoch, version, complete, updatedBy } = entity;
  const updatedAt = entity.updatedAt instanceof Date ? entity.updatedAt.getTime() : NaN;
  const json = fromProperties(entity, "m");
  if (typeof epoch !== "string" || typeof version !== "number" || typeof complete !== "boolean" || typeof updatedBy !== "string" || !Number.isFinite(updatedAt) || json === undefined) {
    return undefined;
  }
  let parsed: ManifestJson;
  try {
    parsed = JSON.parse(json) as ManifestJson;
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed.approvers) || !Array.isArray(parsed.tools)) return undefined;
  const pins = new Map<string, Pin>();
  for (const entry of parsed.tools) {
    const approvedBy = parsed.approvers[entry?.b];
    if (typeof entry?.n !== "string" || typeof entry.h !== "string" || typeof entry.a !== "number" || typeof approvedBy !== "string") return undefined;
    pins.set(entry.n, { name: entry.n, hash: entry.h, approvedAt: entry.a, approvedBy });
  }
  return { serverId, epoch, version, complete, updatedAt, updatedBy, pins };
}

function manifestJson(pins: ReadonlyMap<string, Pin>): string {
  const approvers: string[] = [];
  const index = new Map<string, number>();
  const tools: ManifestJson["tools"] = [];
  for (const pin of pins.values()) {
    let b = index.get(pin.approvedBy);
    if (b === undefined) {
      b = approvers.length;
      approvers.push(pin.approvedBy);
      index.set(pin.approvedBy, b);
    }
    tools.push({ n: pin.name, h: pin.hash, a: pin.approvedAt, b });
  }
  return JSON.stringify({ approvers, tools } satisfies ManifestJson);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ToolPins {
  private readonly table: string;
  private readonly clock: () => number;

  constructor(
    private readonly tables: TableStore,
    options: { clock?: () => number; tableName?: string } = {},
  ) {
    this.table = options.tableName ?? TABLE_NAMES.tools;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The server's pins for its current epoch; undefined when none were ever approved (or only for a
   * former server of the same id). A manifest that does not parse fails closed (503).
   */
  async read(server: Pick<ServerRecord, "id" | "epoch">): Promise<PinSet | undefined> {
    const raw = await this.readRaw(server.id);
    if (!raw) return undefined;
    if (!raw.pinSet) throw new DependencyUnavailableError("table", "unreadable_tool_pins");
    return raw.pinSet.epoch === server.epoch ? raw.pinSet : undefined;
  }

  /** Every server's pin set (for shadowing checks); unreadable rows are skipped. */
  async readAll(): Promise<PinSet[]> {
    const sets: PinSet[] = [];
    await this.tables.call(this.table, async (client, abortSignal) => {
      const entities = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${MANIFEST_PARTITION}` }, abortSignal });
      for await (const entity of entities) {
        if (typeof entity.rowKey !== "string") continue;
        const set = parseManifest(entity.rowKey, entity as Record<string, unknown>);
        if (set) sets.push(set);
      }
    });
    return sets;
  }

  /** The approved canonical definitions for these hashes (absent ones are left out). */
  async definitions(serverId: string, hashes: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const queue = [...new Set(hashes)];
    const worker = async (): Promise<void> => {
      for (let hash = queue.shift(); hash !== undefined; hash = queue.shift()) {
        const rowKey = hash;
        try {
          const entity = await this.tables.call(this.table, (client, abortSignal) => client.getEntity(definitionPartition(serverId), rowKey, { abortSignal }));
          const canonical = fromProperties(entity as Record<string, unknown>, "d");
          if (canonical !== undefined) found.set(hash, canonical);
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));
    return found;
  }

  /** Pins a tools/list result for `server` on behalf of `approvedBy` (see the header for the protocol). */
  async approve(server: Pick<ServerRecord, "id" | "epoch">, list: ParsedToolsList, approvedBy: string): Promise<ApprovalOutcome> {
    const written = new Set<string>();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const current = await this.readRaw(server.id);
      const base = current?.pinSet && current.pinSet.epoch === server.epoch ? current.pinSet.pins : new Map<string, Pin>();
      const now = this.clock();

      const next = list.complete ? new Map<string, Pin>() : new Map(base);
      const tools: ApprovedTool[] = [];
      for (const tool of list.tools) {
        const previous = base.get(tool.name);
        if (previous && previous.hash === tool.hash) {
          next.set(tool.name, previous);
          tools.push({ name: tool.name, hash: tool.hash, status: "unchanged" });
        } else {
          next.set(tool.name, { name: tool.name, hash: tool.hash, approvedAt: now, approvedBy });
          tools.push({ name: tool.name, hash: tool.hash, status: previous ? "changed" : "new", ...(previous ? { previousHash: previous.hash } : {}) });
        }
      }
      const unpinned = list.complete ? [...base.values()].filter((pin) => !next.has(pin.name)).map((pin) => ({ name: pin.name, hash: pin.hash })) : [];
      const json = manifestJson(next);
      // Checked before anything is written: an oversize pin set is refused, never truncated.
      if (json.length > MAX_MANIFEST_UNITS) throw new ToolsInputError("too-many-tools", "the pin set of this server would exceed the storage limit; approve fewer or smaller tools");

      const referenced = new Set([...base.values()].map((pin) => pin.hash));
      // Definitions the base already references exist; the others are (re)written. A retry on a
      // fresh manifest writes whatever that manifest no longer references.
      const missing = list.tools.filter((tool) => !referenced.has(tool.hash) && !written.has(tool.hash));
      await this.writeDefinitions(server.id, missing);
      for (const tool of missing) written.add(tool.hash);

      const version = (current?.version ?? 0) + 1;
      const entity = {
        partitionKey: MANIFEST_PARTITION,
        rowKey: server.id,
        epoch: server.epoch,
        version,
        complete: list.complete,
        updatedAt: new Date(now),
        updatedBy: approvedBy,
        toolCount: next.size,
        ...toProperties("m", json),
      };
      try {
        await this.tables.call(this.table, (client, abortSignal) =>
          current ? client.updateEntity(entity, "Replace", { etag: current.etag, abortSignal }) : client.createEntity(entity, { abortSignal }),
        );
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412 || status === 404) {
          // Someone committed in between: recompute on the fresh manifest after a jittered pause.
          await pause(attempt * (5 + Math.random() * 20));
          continue;
        }
        throw error;
      }
      await this.collectGarbage(server.id, new Set([...next.values()].map((pin) => pin.hash)), written);
      return { serverId: server.id, version, complete: list.complete, approvedAt: now, approvedBy, tools, unpinned, attempts: attempt };
    }
    throw new ApprovalConflictError(MAX_ATTEMPTS);
  }

  /** Removes a server's pins and definitions (after the server row is gone). */
  async deleteServer(serverId: string): Promise<void> {
    try {
      await this.tables.call(this.table, (client, abortSignal) => client.deleteEntity(MANIFEST_PARTITION, serverId, { abortSignal }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    const rowKeys = (await this.listDefinitions(serverId)).map((row) => row.rowKey);
    await this.deleteDefinitions(serverId, rowKeys);
  }

  private async readRaw(serverId: string): Promise<RawManifest | undefined> {
    try {
      const entity = await this.tables.call(this.table, (client, abortSignal) => client.getEntity(MANIFEST_PARTITION, serverId, { abortSignal }));
      const record = entity as Record<string, unknown>;
      const pinSet = parseManifest(serverId, record);
      return {
        etag: typeof record.etag === "string" ? record.etag : "*",
        version: typeof record.version === "number" ? record.version : 0,
        ...(pinSet ? { pinSet } : {}),
      };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private async writeDefinitions(serverId: string, tools: readonly ParsedTool[]): Promise<void> {
    const unique = new Map(tools.map((tool) => [tool.hash, tool]));
    const now = new Date(this.clock());
    let batch: TransactionAction[] = [];
    let units = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const actions = batch;
      batch = [];
      units = 0;
      await this.tables.call(this.table, (client, abortSignal) => client.submitTransaction(actions, { abortSignal }));
    };
    for (const tool of unique.values()) {
      if (batch.length >= TRANSACTION_MAX_OPERATIONS || (batch.length > 0 && units + tool.canonical.length > TRANSACTION_MAX_UNITS)) await flush();
      batch.push([
        "upsert",
        { partitionKey: definitionPartition(serverId), rowKey: tool.hash, name: tool.name, writtenAt: now, ...toProperties("d", tool.canonical) },
        "Replace",
      ]);
      units += tool.canonical.length;
    }
    await flush();
  }

  private async listDefinitions(serverId: string): Promise<Array<{ rowKey: string; writtenAt: number }>> {
    const rows: Array<{ rowKey: string; writtenAt: number }> = [];
    await this.tables.call(this.table, async (client: TableClient, abortSignal) => {
      const entities = client.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${definitionPartition(serverId)}`, select: ["RowKey", "writtenAt"] },
        abortSignal,
      });
      for await (const entity of entities) {
        if (typeof entity.rowKey !== "string") continue;
        const writtenAt = entity.writtenAt instanceof Date ? entity.writtenAt.getTime() : 0;
        rows.push({ rowKey: entity.rowKey, writtenAt });
      }
    });
    return rows;
  }

  private async deleteDefinitions(serverId: string, rowKeys: readonly string[]): Promise<void> {
    for (let i = 0; i < rowKeys.length; i += TRANSACTION_MAX_OPERATIONS) {
      const chunk = rowKeys.slice(i, i + TRANSACTION_MAX_OPERATIONS);
      const actions: TransactionAction[] = chunk.map((rowKey) => ["delete", { partitionKey: definitionPartition(serverId), rowKey }]);
      try {
        await this.tables.call(this.table, (client, abortSignal) => client.submitTransaction(actions, { abortSignal }));
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        // One of them is already gone: delete one by one.
        for (const rowKey of chunk) {
          try {
            await this.tables.call(this.table, (client, abortSignal) => client.deleteEntity(definitionPartition(serverId), rowKey, { abortSignal }));
          } catch (inner) {
            if (statusOf(inner) !== 404) throw inner;
          }
        }
      }
    }
  }

  /** Best effort: drops definitions no pin references any more, once past the grace period. */
  private async collectGarbage(serverId: string, keep: ReadonlySet<string>, justWritten: ReadonlySet<string>): Promise<void> {
    try {
      const cutoff = this.clock() - GC_GRACE_MS;
      const stale = (await this.listDefinitions(serverId)).filter((row) => !keep.has(row.rowKey) && !justWritten.has(row.rowKey) && row.writtenAt < cutoff);
      await this.deleteDefinitions(serverId, stale.map((row) => row.rowKey));
    } catch {
      // The approval is committed; leftovers are collected by the next approval.
    }
  }
}
