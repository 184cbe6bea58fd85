// POST /api/token-exchange (RFC 8693). Errors in the RFC 6749 §5.2 format, never problem+json.
import { TokenExchangeError } from "../shared/tokens/errors.ts";
import { TOKEN_TYPE_ACCESS } from "../shared/tokens/exchange.ts";
import type { HttpResponseInit } from "./http/azure-functions.ts";
import { jsonResponse, oauthErrorResponse } from "./http/problem.ts";
import type { EdgeRequest } from "./http/route.ts";

export async function tokenExchange({ readForm, services, audit }: EdgeRequest): Promise<HttpResponseInit> {
  const form = await readForm();
  try {
    const result = await services.exchanger.exchange(form, audit);
    return jsonResponse(
      200,
      {
        access_token: result.accessToken,
        issued_token_type: TOKEN_TYPE_ACCESS,
        token_type: "Bearer",
        expires_in: result.expiresIn,
        scope: result.scope,
      },
      { Pragma: "no-cache" },
    );
  } catch (error) {
    if (!(error instanceof TokenExchangeError)) throw error;
    return oauthErrorResponse({
      status: error.status,
      error: error.code,
      description: error.description,
      extra: error.extra,
      // RFC 6749 §5.2: 401 invalid_client carries a challenge for the scheme the client may use.
      ...(error.status === 401 ? { headers: { "WWW-Authenticate": 'Bearer realm="mcp-security-edge", error="invalid_client"' } } : {}),
    });
  }
}
