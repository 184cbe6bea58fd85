// The parts of sessions that need no table: id format, backend-id encryption, the client-side
// validation cache, the session settings, and the timer registration.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { hkdfSync, randomBytes } from "node:crypto";
import { ConfigError, loadSettings } from "../../shared/config/settings.ts";
import { decryptBackendId, deriveKey, encryptBackendId } from "../../shared/sessions/backend-id-cipher.ts";
import { SessionValidationCache, edgeSessionValidate, type ValidatedSession } from "../../shared/sessions/client-cache.ts";
import { isSessionIdFormat, newSessionId, sessionRowKey } from "../../shared/sessions/session-id.ts";
import { stateOf, toRow } from "../../shared/sessions/session-store.ts";
import { registerFunctions, type FunctionsRegistry } from "../../functions/register.ts";
import { TIMERS } from "../../functions/timers.ts";
import { devToken, startTestEdge } from "../helpers/edge.ts";
import { createSession } from "./support.ts";

describe("session ids", () => {
  test("256 random bits, base64url, 43 characters, all distinct", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const id = newSessionId();
      assert.equal(id.length, 43);
      assert.ok(isSessionIdFormat(id), id);
      assert.equal(Buffer.from(id, "base64url").length, 32);
      assert.equal(Buffer.from(id, "base64url").toString("base64url"), id);
      ids.add(id);
    }
    assert.equal(ids.size, 2000);
  });

  test("the format check is exact", () => {
    const id = newSessionId();
    for (const bad of [
      "",
      id.slice(1),
      `${id}A`,
      `${id.slice(0, 42)}B`,
      `${id.slice(0, 42)}=`,
      `${id.slice(0, 41)}+/`,
      ` ${id.slice(1)}`,
      `${id.slice(0, 20)}\n${id.slice(21)}`,
      `${id.slice(0, 20)}é${id.slice(21)}`,
      undefined,
      42,
    ]) {
      assert.equal(isSessionIdFormat(bad), false, String(bad));
    }
    // Every string the check accepts decodes to exactly 32 bytes and re-encodes to itself.
    for (let i = 0; i < 200; i += 1) {
      const candidate = randomBytes(33).toString("base64url").slice(0, 43);
      if (isSessionIdFormat(candidate)) assert.equal(Buffer.from(candidate, "base64url").toString("base64url"), candidate);
    }
  });
});

describe("backendSessionId encryption", () => {
  const sessionId = newSessionId();
  const row = { partitionKey: "a".repeat(64), rowKey: sessionRowKey(sessionId) };

  test("round trip under the session id; fresh IV each time; nothing readable in the ciphertext", () => {
    const a = encryptBackendId("mcp-backend-123", sessionId, row);
    const b = encryptBackendId("mcp-backend-123", sessionId, row);
    assert.notEqual(a, b);
    assert.ok(!a.includes("mcp-backend"));
    assert.equal(decryptBackendId(a, sessionId, row), "mcp-backend-123");
  });

  test("the key is HKDF-SHA-256 of the session id (RFC 5869), bound to the row", () => {
    const expected = Buffer.from(
      hkdfSync("sha256", Buffer.from(sessionId), Buffer.from("mcp-security-edge/session/backend-id/v1"), Buffer.from(`backendSessionId:${row.rowKey}`), 32),
    );
    assert.deepEqual(deriveKey(sessionId, row.rowKey), expected);
  });

  test("another id, another row, or a tampered ciphertext does not decrypt", () => {
    const stored = encryptBackendId("x", sessionId, row);
    assert.equal(decryptBackendId(stored, newSessionId(), row), undefined);
    assert.equal(decryptBackendId(stored, sessionId, { ...row, partitionKey: "b".repeat(64) }), undefined);
    assert.equal(decryptBackendId(stored, sessionId, { ...row, rowKey: sessionRowKey(newSessionId()) }), undefined);
    const [v, iv, body] = stored.split(".") as [string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = (flipped[0] as number) ^ 1;
    assert.equal(decryptBackendId(`${v}.${iv}.${flipped.toString("base64url")}`, sessionId, row), undefined);
    assert.equal(decryptBackendId("garbage", sessionId, row), undefined);
  });
});

describe("stored rows", () => {
  const now = Date.now();
  const base = {
    partitionKey: "a".repeat(64),
    rowKey: "b".repeat(64),
    etag: 'W/"1"',
    createdAt: new Date(now - 1000),
    expiresAt: new Date(now + 60_000),
    idleExpiresAt: new Date(now + 30_000),
    lastSeenAt: new Date(now - 1000),
    idleSeconds: 60,
  };
  const state = (entity: object): string => {
    const row = toRow(entity);
    return row ? stateOf(row, now) : "unusable";
  };

  test("properties named in a select but absent come back as null: they are absent, not set", () => {
    assert.equal(state({ ...base, revokedAt: null, rotatedAt: null, graceUntil: null }), "valid");
    assert.equal(state(base), "valid");
  });

  test("revoked, rotated (past grace), expired, idle-expired; malformed markers fail closed", () => {
    assert.equal(state({ ...base, revokedAt: new Date(now) }), "revoked");
    assert.equal(state({ ...base, revokedAt: "yes" }), "revoked");
    assert.equal(state({ ...base, rotatedAt: new Date(now), graceUntil: new Date(now) }), "rotated");
    assert.equal(state({ ...base, rotatedAt: new Date(now), graceUntil: new Date(now + 1) }), "valid");
    assert.equal(state({ ...base, rotatedAt: new Date(now) }), "rotated");
    assert.equal(state({ ...base, expiresAt: new Date(now) }), "expired");
    assert.equal(state({ ...base, idleExpiresAt: new Date(now) }), "idle_expired");
    assert.equal(state({ ...base, expiresAt: "tomorrow" }), "unusable");
    assert.equal(state({ ...base, idleSeconds: undefined }), "unusable");
  });
});

describe("validateSession client cache", () => {
  const answer = (userKeyHash: string, backend = "b"): ValidatedSession => ({
    userKeyHash,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    idleExpiresAt: new Date(Date.now() + 1_800_000).toISOString(),
    backendSessionId: backend,
  });

  test("reuses a positive answer for the same token and session for 5 s by default, then asks again", async () => {
    let now = 1_000_000;
    let calls = 0;
    const cache = new SessionValidationCache({
      validate: async () => {
        calls += 1;
        return answer("user-a");
      },
      now: () => now,
    });
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.equal(calls, 1);
    now += 4_999;
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.equal(calls, 1);
    now += 1;
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.equal(calls, 2);
  });

  test("keyed by the validated user key and the session id: another token never hits the cache", async () => {
    const seen: Array<[string, string]> = [];
    const cache = new SessionValidationCache({
      validate: async (sessionId, token) => {
        seen.push([sessionId, token]);
        return token === "token-a" ? answer("user-a") : null;
      },
    });
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.equal(await cache.validateSession("s1", "token-b"), null, "a stolen session id with another user's token");
    assert.equal(await cache.validateSession("s1", "token-b"), null, "negative answers are not cached");
    assert.ok(await cache.validateSession("s1", "token-a"));
    assert.deepEqual(seen, [
      ["s1", "token-a"],
      ["s1", "token-b"],
      ["s1", "token-b"],
    ]);
    assert.ok(await cache.validateSession("s2", "token-a"));
    assert.equal(seen.length, 4, "another session of the same user is asked for");
  });

  test("a burst makes one call; entries never outlive the token; failures are not cached", async () => {
    let calls = 0;
    let fail = false;
    let now = Date.now();
    const expiringToken = `x.${Buffer.from(JSON.stringify({ exp: Math.floor(now / 1000) + 2 })).toString("base64url")}.y`;
    const cache = new SessionValidationCache({
      validate: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (fail) throw new Error("edge down");
        return answer("user-a");
      },
      now: () => now,
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.validateSession("s1", expiringToken)));
    assert.ok(results.every(Boolean));
    assert.equal(calls, 1);
    now += 2_500; // past the token's exp, within the 5 s TTL
    fail = true;
    await assert.rejects(cache.validateSession("s1", expiringToken), /edge down/);
    assert.equal(calls, 2);
  });

  test("edgeSessionValidate against the real edge: 200 → the session, 404 → null", async () => {
    const edge = await startTestEdge();
    try {
      const token = await devToken({ sub: "cache-user" });
      const created = await createSession(edge, token, { backendSessionId: "b-cache" });
      const cache = new SessionValidationCache({ validate: edgeSessionValidate(edge.url) });
      const session = await cache.validateSession(created.sessionId, token);
      assert.equal(session?.backendSessionId, "b-cache");
      assert.match(session?.userKeyHash ?? "", /^[0-9a-f]{64}$/);
      assert.equal(await cache.validateSession(created.sessionId, await devToken({ sub: "someone-else" })), null);
      assert.equal(await cache.validateSession(newSessionId(), token), null);
    } finally {
      await edge.stop();
    }
  });
});

describe("session settings", () => {
  test("defaults", () => {
    assert.deepEqual(loadSettings({}, "local").sessions, {
      idleSeconds: 1800,
      lifetimeSeconds: 28_800,
      maxPerUser: 20,
      slideIntervalSeconds: 60,
      rotateGraceSeconds: 0,
    });
  });

  const bad: Array<[Record<string, string>, string]> = [
    [{ EDGE_SESSION_IDLE_SECONDS: "5" }, "EDGE_SESSION_IDLE_SECONDS"],
    [{ EDGE_SESSION_IDLE_SECONDS: "ten" }, "EDGE_SESSION_IDLE_SECONDS"],
    [{ EDGE_SESSION_LIFETIME_SECONDS: "99999999" }, "EDGE_SESSION_LIFETIME_SECONDS"],
    [{ EDGE_SESSION_IDLE_SECONDS: "7200", EDGE_SESSION_LIFETIME_SECONDS: "3600" }, "EDGE_SESSION_IDLE_SECONDS"],
    [{ EDGE_SESSION_MAX_PER_USER: "0" }, "EDGE_SESSION_MAX_PER_USER"],
    [{ EDGE_SESSION_SLIDE_INTERVAL_SECONDS: "1800" }, "EDGE_SESSION_SLIDE_INTERVAL_SECONDS"],
    [{ EDGE_SESSION_ROTATE_GRACE_SECONDS: "301" }, "EDGE_SESSION_ROTATE_GRACE_SECONDS"],
    [{ EDGE_SESSION_ROTATE_GRACE_SECONDS: "-1" }, "EDGE_SESSION_ROTATE_GRACE_SECONDS"],
  ];
  for (const [env, setting] of bad) {
    test(`${JSON.stringify(env)} fails naming ${setting}`, () => {
      assert.throws(
        () => loadSettings(env, "local"),
        (error: unknown) => error instanceof ConfigError && error.setting === setting && error.message.startsWith(setting),
      );
    });
  }
});

describe("purge timer registration", () => {
  test("each timer of the table is registered with app.timer on its NCRONTAB schedule", () => {
    const timers: Array<{ name: string; schedule: string }> = [];
    const registry: FunctionsRegistry = {
      http: () => undefined,
      timer: (name, options) => timers.push({ name, schedule: options.schedule }),
    };
    registerFunctions(registry, async () => {
      throw new Error("not needed");
    });
    assert.deepEqual(timers, TIMERS.map((t) => ({ name: t.name, schedule: t.schedule })));
    assert.deepEqual(timers, [{ name: "sessionsPurge", schedule: "0 0 * * * *" }]);
    assert.equal(TIMERS[0]?.intervalMs, 3_600_000);
  });
});
