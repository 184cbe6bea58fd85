// The registry of MCP servers the edge knows (table `servers`), issue 6.
//
// Row layout: PartitionKey "server", RowKey = the server id (validated: it is a Table key), and
//   displayName, baseUrl, owner, state (approved | pending | blocked), policy (default | strict),
//   epoch (random, set when the row is created: tool pins carry it, so that pins left over from a
//   deleted server never apply to a new server of the same id), createdAt, updatedAt, updatedBy
//   (the hashed user key of the admin).
//
// Writes are conditional on the row's ETag (or create-only), so two admins never overwrite each
// other unknowingly: with `If-Match` the caller's precondition decides (412 when stale); without it a
// PUT is a full replacement and is re-applied on top of a concurrent change (last writer wins, and
// every write is audited).
import { randomBytes } from "node:crypto";
import { odata } from "@azure/data-tables";
import { statusOf, type TableStore } from "../tables/table-store.ts";
import { TABLE_NAMES } from "../tables/names.ts";
import { PreconditionFailedError, ServerIdConflictError, ToolsInputError } from "./errors.ts";
import { nameSkeleton } from "./confusables.ts";

export type ServerState = "approved" | "pending" | "blocked";
export type ServerPolicy = "default" | "strict";
export const SERVER_STATES: readonly ServerState[] = ["approved", "pending", "blocked"];
export const SERVER_POLICIES: readonly ServerPolicy[] = ["default", "strict"];

export interface ServerInput {
  readonly displayName: string;
  readonly baseUrl: string;
  readonly owner: string;
  readonly state: ServerState;
  /** `strict`: a tool that is not pinned is blocked instead of flagged. Default `default`. */
  readonly policy: ServerPolicy;
}

export interface ServerRecord extends ServerInput {
  readonly id: string;
  readonly epoch: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly updatedBy: string;
  readonly etag: string;
}

/**
 * A server id is a Table Storage key and appears in URLs and headers: 1–64 characters of letters,
 * digits, `-`, `_` and `.`, starting with a letter or digit. This rules out everything Table keys
 * forbid (`/ \ # ?`, control characters) and every dot segment (`.`, `..`).
 */
export const SERVER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidServerId(id: unknown): id is string {
  return typeof id === "string" && SERVER_ID.test(id);
}

export function assertServerId(id: unknown): asserts id is string {
  if (!isValidServerId(id)) {
    throw new ToolsInputError("invalid-server-id", "a server id is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit");
  }
}

const SERVER_FIELDS = ["id", "displayName", "baseUrl", "owner", "state", "policy"] as const;
// No C0/C1 controls, no bidi controls, no zero-width characters in labels shown to admins.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = value.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i += 1;
    else return true;
  }
  return false;
}

function text(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== "string" || value.trim().length === 0 || value.length > max || UNSAFE_TEXT.test(value) || hasLoneSurrogate(value)) {
    throw new ToolsInputError("invalid-server", `"${name}" must be a string of 1 to ${max} printable characters`);
  }
  return value;
}

/** Validates a PUT body: `{ displayName, baseUrl, owner, state, policy? }` (and `id`, if given, equal to the path's). */
export function parseServerInput(id: string, body: unknown): ServerInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ToolsInputError("invalid-server", "the body must be a JSON object");
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(SERVER_FIELDS as readonly string[]).includes(key)) {
      throw new ToolsInputError("invalid-server", /^[A-Za-z0-9_]{1,40}$/.test(key) ? `unknown field "${key}"` : "unknown field");
    }
  }
  if (record.id !== undefined && record.id !== id) throw new ToolsInputError("invalid-server", '"id" must equal the server id of the path');
  const displayName = text(record, "displayName", 200);
  const owner = text(record, "owner", 256);
  const baseUrl = text(record, "baseUrl", 2048);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ToolsInputError("invalid-server", '"baseUrl" must be an absolute URL');
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && loopback))) {
    throw new ToolsInputError("invalid-server", '"baseUrl" must be an https URL (http only for loopback hosts)');
  }
  if (url.username || url.password || url.hash || baseUrl.includes("#")) {
    throw new ToolsInputError("invalid-server", '"baseUrl" must carry no credentials and no fragment');
  }
  const state = record.state;
  if (!SERVER_STATES.includes(state as ServerState)) throw new ToolsInputError("invalid-server", `"state" must be one of ${SERVER_STATES.join(", ")}`);
  const policy = record.policy ?? "default";
  if (!SERVER_POLICIES.includes(policy as ServerPolicy)) throw new ToolsInputError("invalid-server", `"policy" must be one of ${SERVER_POLICIES.join(", ")}`);
  return { displayName, baseUrl, owner, state: state as ServerState, policy: policy as ServerPolicy };
}

const PARTITION = "server";
const MAX_ATTEMPTS = 5;

interface StoredServer {
  partitionKey: string;
  rowKey: string;
  displayName: string;
  baseUrl: string;
  owner: string;
  state: string;
  policy: string;
  epoch: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

function toRecord(entity: Record<string, unknown>): ServerRecord | undefined {
  const { rowKey, displayName, baseUrl, owner, state, policy, epoch, updatedBy, etag } = entity;
  const createdAt = entity.createdAt instanceof Date ? entity.createdAt.getTime() : NaN;
  const updatedAt = entity.updatedAt instanceof Date ? entity.updatedAt.getTime() : NaN;
  if (
    typeof rowKey !== "string" ||
    typeof displayName !== "string" ||
    typeof baseUrl !== "string" ||
    typeof owner !== "string" ||
    !SERVER_STATES.includes(state as ServerState) ||
    typeof epoch !== "string" ||
    typeof updatedBy !== "string" ||
    typeof etag !== "string" ||
    !Number.isFinite(createdAt) ||
    !Number.isFinite(updatedAt)
  ) {
    return undefined;
  }
  return {
    id: rowKey,
    displayName,
    baseUrl,
    owner,
    state: state as ServerState,
    // An unreadable policy is treated as the stricter one.
    policy: policy === "default" ? "default" : "strict",
    epoch,
    createdAt,
    updatedAt,
    updatedBy,
    etag,
  };
}

export interface PutResult {
  readonly record: ServerRecord;
  readonly created: boolean;
  readonly previous?: ServerRecord;
}

export class ServerRegistry {
  private readonly table: string;
  private readonly clock: () => number;

  constructor(
    private readonly tables: TableStore,
    options: { clock?: () => number; tableName?: string } = {},
  ) {
    this.table = options.tableName ?? TABLE_NAMES.servers;
    this.clock = options.clock ?? Date.now;
  }

  async get(id: string): Promise<ServerRecord | undefined> {
    assertServerId(id);
    try {
      const entity = await this.tables.call(this.table, (client, abortSignal) => client.getEntity<StoredServer>(PARTITION, id, { abortSignal }));
      const record = toRecord(entity as unknown as Record<string, unknown>);
      // A row that does not parse is treated as a blocked server: refused, never trusted.
      return record ?? corrupt(id, (entity as { etag?: string }).etag ?? "*");
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(): Promise<ServerRecord[]> {
    const records: ServerRecord[] = [];
    await this.tables.call(this.table, async (client, abortSignal) => {
      const entities = client.listEntities<StoredServer>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` }, abortSignal });
      for await (const entity of entities) {
        const record = toRecord(entity as unknown as Record<string, unknown>);
        if (record) records.push(record);
        else if (typeof entity.rowKey === "string") records.push(corrupt(entity.rowKey, entity.etag ?? "*"));
      }
    });
    return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Creates or replaces a server. `ifMatch`: an ETag from GET (or `*`: must exist) — the write then
   * happens only if the row is unchanged, else PreconditionFailedError. A new id that is confusable
   * with a registered one (`GitHub` vs `github`, `paypa1` vs `paypal`) is refused: ServerIdConflictError.
   */
  async put(id: string, input: ServerInput, actor: string, ifMatch?: string): Promise<PutResult> {
    assertServerId(id);
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.get(id);
      const now = new Date(this.clock());
      if (ifMatch !== undefined && (!existing || (ifMatch !== "*" && ifMatch !== existing.etag))) throw new PreconditionFailedError();
      try {
        if (!existing) {
          const skeleton = nameSkeleton(id);
          const confusable = (await this.list()).find((other) => other.id !== id && nameSkeleton(other.id) === skeleton);
          if (confusable) throw new ServerIdConflictError(id, confusable.id);
          const entity: StoredServer = {
            partitionKey: PARTITION,
            rowKey: id,
            ...input,
            epoch: randomBytes(16).toString("hex"),
            createdAt: now,
            updatedAt: now,
            updatedBy: actor,
          };
          const response = await this.tables.call(this.table, (client, abortSignal) => client.createEntity(entity, { abortSignal }));
          return { record: { id, ...input, epoch: entity.epoch, createdAt: now.getTime(), updatedAt: now.getTime(), updatedBy: actor, etag: response.etag ?? "" }, created: true };
        }
        const entity: StoredServer = {
          partitionKey: PARTITION,
          rowKey: id,
          ...input,
          epoch: existing.epoch,
          createdAt: new Date(existing.createdAt),
          updatedAt: now,
          updatedBy: actor,
        };
        const response = await this.tables.call(this.table, (client, abortSignal) =>
          client.updateEntity(entity, "Replace", { etag: existing.etag, abortSignal }),
        );
        return {
          record: { id, ...input, epoch: existing.epoch, createdAt: existing.createdAt, updatedAt: now.getTime(), updatedBy: actor, etag: response.etag ?? "" },
          created: false,
          previous: existing,
        };
      } catch (error) {
        const status = statusOf(error);
        // Created or changed concurrently: decide again on fresh state (or honour the caller's precondition).
        if ((status === 409 || status === 412 || status === 404) && attempt < MAX_ATTEMPTS) {
          if (ifMatch !== undefined && ifMatch !== "*") throw new PreconditionFailedError();
          continue;
        }
        if (status === 409 || status === 412 || status === 404) throw new PreconditionFailedError();
        throw error;
      }
    }
  }

  /** Deletes a server (conditionally with `ifMatch`); answers the deleted record, or undefined if none. */
  async delete(id: string, ifMatch?: string): Promise<ServerRecord | undefined> {
    assertServerId(id);
    const existing = await this.get(id);
    if (!existing) {
      if (ifMatch !== undefined) throw new PreconditionFailedError();
      return undefined;
    }
    if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== existing.etag) throw new PreconditionFailedError();
    try {
      await this.tables.call(this.table, (client, abortSignal) =>
        client.deleteEntity(PARTITION, id, { etag: ifMatch !== undefined && ifMatch !== "*" ? ifMatch : "*", abortSignal }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return undefined;
      if (status === 412) throw new PreconditionFailedError();
      throw error;
    }
    return existing;
  }
}

function corrupt(id: string, etag: string): ServerRecord {
  return {
    id,
    displayName: id,
    baseUrl: "",
    owner: "",
    state: "blocked",
    policy: "strict",
    epoch: "",
    createdAt: 0,
    updatedAt: 0,
    updatedBy: "",
    etag,
  };
}
