// `mcp-security-edge/client`: what MCP servers and gateways use to work with MCP Security Edge.
export {
  EdgeClient,
  parseRetryAfter,
  type CreateSessionInput,
  type EdgeClientOptions,
  type EdgeMetadata,
  type ExchangeOptions,
  type IssuedSession,
  type JsonRpcMessage,
  type PlainScreenRequest,
  type ScreenFinding,
  type ScreenInput,
  type ScreenOptions,
  type ScreenResult,
  type TokenExchangeResult,
  type ToolsVerifyResult,
  type ValidatedSession,
  type Verdict,
} from "./edge-client.ts";
export { EdgeError, EdgeRejectedError, EdgeResponseError, EdgeTimeoutError, EdgeUnavailableError } from "./errors.ts";
export {
  createMcpEdgeMiddleware,
  MCP_EDGE_ERROR,
  type EdgeAuthInfo,
  type ExchangeForDownstreamOptions,
  type McpEdgeEvent,
  type McpEdgeMiddleware,
  type McpEdgeMiddlewareOptions,
} from "./middleware.ts";
export {
  AccessTokenVerifier,
  DEFAULT_USER_TOKEN_ALGORITHMS,
  InvalidAccessTokenError,
  type AccessTokenVerifierOptions,
  type TrustedIssuer,
  type VerifiedAccessToken,
} from "./token-verifier.ts";
export { interceptResponse, type HeadView, type Replacement, type ResponseHooks } from "./response-interceptor.ts";
