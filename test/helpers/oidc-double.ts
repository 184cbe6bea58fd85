// A local double of an OpenID Connect issuer (discovery + JWKS over real HTTP) whose behaviour can
// be switched to down, slow or garbage, and which signs tokens with its own keys.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

export type DoubleMode = "ok" | "down" | "slow" | "garbage";

export interface OidcDouble {
  readonly issuer: string;
  readonly url: string;
  mode: DoubleMode;
  /** Overrides `mode` for the JWKS path only (discovery keeps working). */
  jwksMode: DoubleMode | undefined;
  /** Requests served, by path. */
  readonly hits: Map<string, number>;
  sign(claims: JWTPayload, options?: { kid?: string; alg?: string; header?: Record<string, unknown>; key?: CryptoKey }): Promise<string>;
  readonly publicJwk: JWK;
  readonly privateKey: CryptoKey;
  close(): Promise<void>;
}

export async function startOidcDouble(options: { issuerPath?: string; slowMs?: number } = {}): Promise<OidcDouble> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const hits = new Map<string, number>();
  let issuer = "";
  const state = { mode: "ok" as DoubleMode, jwksMode: undefined as DoubleMode | undefined };

  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const mode = path === "/jwks" && state.jwksMode ? state.jwksMode : state.mode;
    if (mode === "down") {
      res.writeHead(503).end();
      return;
    }
    if (mode === "slow") {
      setTimeout(() => res.destroyed || res.writeHead(200, { "Content-Type": "application/json" }).end("{}"), options.slowMs ?? 10_000);
      return;
    }
    if (mode === "garbage") {
      res.writeHead(200, { "Content-Type": "application/json" }).end("<html>not json");
      return;
    }
    if (path.endsWith("/.well-known/openid-configuration")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ issuer, jwks_uri: `${base}/jwks` }));
      return;
    }
    if (path === "/jwks") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${base}${options.issuerPath ?? ""}`;

  return {
    issuer,
    url: base,
    get mode() {
      return state.mode;
    },
    set mode(value: DoubleMode) {
      state.mode = value;
    },
    get jwksMode() {
      return state.jwksMode;
    },
    set jwksMode(value: DoubleMode | undefined) {
      state.jwksMode = value;
    },
    hits,
    publicJwk,
    privateKey,
    async sign(claims, signOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iat: now, nbf: now, exp: now + 600, iss: issuer, jti: randomUUID(), ...claims })
        .setProtectedHeader({ alg: signOptions.alg ?? "RS256", kid: signOptions.kid ?? kid, typ: "JWT", ...signOptions.header })
        .sign(signOptions.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
