// The downstream API the example MCP server calls: a forecast service that accepts only edge-minted
// tokens minted for itself. It validates them with nothing but the edge's published RFC 8414 metadata
// (jwks_uri) — `typ: at+jwt`, ES256, `iss` = the edge, `aud` = this API, scope `forecast.read`.
import { createHash } from "node:crypto";
import type { RequestListener, ServerResponse } from "node:http";
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";

export interface ForecastApiOptions {
  /** This API's resource URI (the `aud` it accepts), e.g. http://127.0.0.1:3002/forecast. */
  readonly resource: string;
  /** The edge's base URL (its issuer). */
  readonly edgeUrl: string;
  readonly requiredScope?: string;
  /** Sees every request's Authorization header and validated claims (tests assert on them). */
  readonly onRequest?: (seen: { authorization: string | undefined; url: string; claims?: JWTPayload }) => void;
}

const CONDITIONS = ["sunny", "partly cloudy", "light rain", "overcast", "windy", "showers"];

export function createForecastApi(options: ForecastApiOptions): RequestListener {
  const issuer = options.edgeUrl.replace(/\/+$/, "");
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const edgeKeys = (): Promise<JWTVerifyGetKey> =>
    (keys ??= (async () => {
      const origin = new URL(issuer);
      const response = await fetch(`${origin.origin}/.well-known/oauth-authorization-server${origin.pathname.replace(/\/+$/, "")}`, { signal: AbortSignal.timeout(3_000) });
      const metadata = (await response.json()) as { issuer?: string; jwks_uri?: string };
      if (metadata.issuer !== issuer || typeof metadata.jwks_uri !== "string") throw new Error("not the edge's metadata");
      return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 3_000 });
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    }));

  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const authorization = req.headers.authorization;
      const token = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1];
      if (!token) {
        options.onRequest?.({ authorization, url: url.href });
        return send(res, 401, { error: "invalid_request" }, { "WWW-Authenticate": "Bearer" });
      }
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, await edgeKeys(), {
          issuer,
          audience: options.resource,
          typ: "at+jwt",
          algorithms: ["ES256"],
          requiredClaims: ["exp", "sub", "client_id"],
        }));
      } catch {
        options.onRequest?.({ authorization, url: url.href });
        return send(res, 401, { error: "invalid_token" }, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
      }
      options.onRequest?.({ authorization, url: url.href, claims });
      const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : [];
      if (!scopes.includes(options.requiredScope ?? "forecast.read")) return send(res, 403, { error: "insufficient_scope" });
      const city = (url.searchParams.get("city") ?? "").slice(0, 200) || "Nowhere";
      const seed = createHash("sha256").update(city.toLowerCase()).digest();
      send(res, 200, { city, temperatureC: ((seed[0] as number) % 35) - 5, conditions: CONDITIONS[(seed[1] as number) % CONDITIONS.length] });
    })().catch(() => {
      if (!res.headersSent) send(res, 503, { error: "temporarily_unavailable" });
    });
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
