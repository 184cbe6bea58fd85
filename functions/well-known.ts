// Published metadata: the edge's JWKS and its RFC 8414 authorization-server metadata, enough for a
// downstream MCP server to validate minted tokens and for an OAuth client to find the token endpoint.
import { edgeIssuer } from "../shared/config/settings.ts";
import { JWKS_MAX_AGE_SECONDS } from "../shared/tokens/signing-keys.ts";
import { CLIENT_ASSERTION_JWT, GRANT_TOKEN_EXCHANGE } from "../shared/tokens/exchange.ts";
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { jsonResponse } from "./http/problem.ts";
import { RequestError } from "./http/request-error.ts";
import type { EdgeRequest } from "./http/route.ts";

export async function jwks({ services }: EdgeRequest): Promise<HttpResponseInit> {
  const keys = await services.signingKeys.jwks();
  return jsonResponse(200, keys, { "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}`, "Content-Type": "application/jwk-set+json" });
}

/**
 * RFC 8414 §3.1: for an issuer with a path (https://h/p) the metadata lives at
 * /.well-known/oauth-authorization-server/p; for a bare origin at /.well-known/oauth-authorization-server.
 */
export async function authorizationServerMetadata({ services, params }: EdgeRequest): Promise<HttpResponseInit> {
  const issuer = edgeIssuer(services.settings);
  const issuerPath = services.settings.publicUrl.pathname.replace(/^\/+|\/+$/g, "");
  if ((params.issuerPath ?? "").replace(/\/+$/, "") !== issuerPath) throw new RequestError(404, "not-found", "no such route");
  return jsonResponse(
    200,
    {
      issuer,
      token_endpoint: `${issuer}/api/token-exchange`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      grant_types_supported: [GRANT_TOKEN_EXCHANGE],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"],
      response_types_supported: [],
      scopes_supported: [...new Set([...services.settings.resources.values()].flatMap((policy) => policy.scopes))],
      client_assertion_types_supported: [CLIENT_ASSERTION_JWT],
    },
    { "Cache-Control": "public, max-age=3600" },
  );
}
