// RFC 8693 token exchange: authenticate the requester, validate the subject (and actor) token,
// apply the resource policy, and issue a short-lived token for exactly one downstream resource.
// The subject token is never passed through and never copied into the issued token.
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import type { AuditEvent, OwaspMcpId } from "../audit/events.ts";
import { DependencyUnavailableError, InvalidTokenError } from "../identity/errors.ts";
import type { Principal, UserPrincipal } from "../identity/principal.ts";
import type { TokenVerifier } from "../identity/verify.ts";
import { TokenExchangeError } from "./errors.ts";
import { EDGE_TOKEN_TYPE, mintAccessToken, type Actor } from "./mint.ts";
import type { OboClient } from "./obo.ts";
import { grantScopes, isResourceUri, type ResourcePolicy } from "./policy.ts";
import type { SigningKeys } from "./signing-keys.ts";

export const GRANT_TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const CLIENT_ASSERTION_JWT = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
export const TOKEN_TYPE_ACCESS = "urn:ietf:params:oauth:token-type:access_token";
export const TOKEN_TYPE_JWT = "urn:ietf:params:oauth:token-type:jwt";
export const ROLE_EXCHANGE = "Edge.Exchange";

const SINGLE_VALUED = [
  "grant_type",
  "subject_token",
  "subject_token_type",
  "actor_token",
  "actor_token_type",
  "scope",
  "requested_token_type",
  "client_assertion",
  "client_assertion_type",
  "client_id",
];
const MAX_SCOPES = 50;

export interface ExchangeDependencies {
  readonly verifier: TokenVerifier;
  /** Audiences accepted for subject, actor and client-assertion tokens (EDGE_AUDIENCES). */
  readonly audiences: readonly string[];
  readonly policies: ReadonlyMap<string, ResourcePolicy>;
  readonly signingKeys: SigningKeys;
  /** `iss` of edge-minted tokens (EDGE_PUBLIC_URL). */
  readonly issuer: string;
  /** Entra On-Behalf-Of, when the edge has an app registration. */
  readonly obo?: OboClient;
  /** Audiences that make a user token redeemable with OBO (the edge's app: client id and identifier URI). */
  readonly oboAudiences?: readonly string[];
  readonly now?: () => number;
}

export interface ExchangeResult {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly scope: string;
}

type Audit = (event: Omit<AuditEvent, "correlationId" | "route">) => void;

interface Context {
  requester?: string;
  subject?: string;
  userClient?: string;
  resource?: string;
}

export class TokenExchanger {
  constructor(private readonly deps: ExchangeDependencies) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async exchange(form: URLSearchParams, audit: Audit): Promise<ExchangeResult> {
    const context: Context = {};
    try {
      const result = await this.run(form, context);
      audit({
        action: "token.exchange",
        outcome: "allow",
        owasp: "MCP01",
        ...(context.subject ? { subject: context.subject } : {}),
        ...(context.requester ? { client: context.requester } : {}),
        details: { resource: context.resource, scopes: result.scope, userClient: context.userClient, expiresIn: result.expiresIn },
      });
      return result;
    } catch (error) {
      const reason = error instanceof TokenExchangeError ? error.reason : error instanceof DependencyUnavailableError ? `${error.dependency}_unavailable` : "internal";
      audit({
        action: "token.exchange",
        outcome: "deny",
        owasp: owaspOf(error),
        reason,
        ...(context.subject ? { subject: context.subject } : {}),
        ...(context.requester ? { client: context.requester } : {}),
        details: { resource: context.resource, error: error instanceof TokenExchangeError ? error.code : "unavailable" },
      });
      throw error;
    }
  }

  private async run(form: URLSearchParams, context: Context): Promise<ExchangeResult> {
    for (const name of SINGLE_VALUED) {
      if (form.getAll(name).length > 1) throw new TokenExchangeError("invalid_request", `${name} repeated`, "duplicate_parameter");
    }
    const requester = await this.authenticateClient(form);
    context.requester = requester;

    if (form.get("grant_type") !== GRANT_TOKEN_EXCHANGE) {
      throw new TokenExchangeError("unsupported_grant_type", "only token exchange is supported", "unsupported_grant_type");
    }
    const subjectToken = form.get("subject_token");
    const subjectType = form.get("subject_token_type");
    if (!subjectToken) throw new TokenExchangeError("invalid_request", "subject_token missing", "missing_subject_token");
    if (subjectType !== TOKEN_TYPE_ACCESS && subjectType !== TOKEN_TYPE_JWT) {
      throw new TokenExchangeError("invalid_request", "unsupported subject_token_type", "bad_subject_token_type");
    }
    const requestedType = form.get("requested_token_type");
    if (requestedType !== null && requestedType !== TOKEN_TYPE_ACCESS && requestedType !== TOKEN_TYPE_JWT) {
      throw new TokenExchangeError("invalid_request", "unsupported requested_token_type", "bad_requested_token_type");
    }

    const targets = [...new Set([...form.getAll("resource"), ...form.getAll("audience")])];
    if (targets.length !== 1) throw new TokenExchangeError("invalid_request", "name exactly one resource", "target_count");
    const resource = targets[0] as string;
    context.resource = resource;
    if (!isResourceUri(resource)) throw new TokenExchangeError("invalid_target", "unknown resource", "bad_resource_uri");
    const policy = this.deps.policies.get(resource);
    if (!policy) throw new TokenExchangeError("invalid_target", "unknown resource", "unknown_resource");
    const requestedScopes = parseScope(form.get("scope"));

    const actor = await this.checkActor(form, requester);
    // Any use of an edge-minted token other than an allowed chain is refused as invalid_request.
    if (peekIssuer(subjectToken) === this.deps.issuer) {
      return this.chained(subjectToken, requester, policy, requestedScopes, actor, context);
    }
    checkRequester(policy, requester);

    const subject = await this.verifySubject(subjectToken);
    context.subject = subject.userKeyHash;
    if (subject.clientId) context.userClient = subject.clientId;
    const held = new Set([...subject.scopes, ...subject.roles]);
    for (const required of policy.requiredInboundScopes) {
      if (!held.has(required)) throw new TokenExchangeError("invalid_request", "subject token lacks a required scope", "missing_inbound_scope");
    }
    if (policy.allowedClients.length > 0 && !(subject.clientId && policy.allowedClients.includes(subject.clientId))) {
      throw new TokenExchangeError("invalid_request", "subject token's client not allowed for this resource", "client_not_allowed");
    }
    const scopes = grantScopes(policy, requestedScopes);
    if (scopes.length === 0) throw new TokenExchangeError("invalid_scope", "no requested scope is allowed", "empty_scope");

    if (policy.mode === "obo") return this.onBehalfOf(subjectToken, subject, resource, scopes);

    const now = Math.floor(this.now() / 1000);
    const expiresAt = Math.min(now + policy.ttlSeconds, subject.expiresAt);
    if (expiresAt <= now) throw new TokenExchangeError("invalid_request", "subject token expired", "subject_expired");
    const key = await this.deps.signingKeys.active();
    const accessToken = await mintAccessToken(key, {
      issuer: this.deps.issuer,
      audience: resource,
      subject: subject.userKeyHash,
      clientId: requester,
      scopes,
      issuedAt: now,
      expiresAt,
      ...(subject.tenantId ? { tenantId: subject.tenantId } : {}),
      ...(actor ? { act: { sub: actor } } : {}),
    });
    return { accessToken, expiresIn: expiresAt - now, scope: scopes.join(" ") };
  }

  /** RFC 7523 §2.2 client authentication with the caller's own workload token; it must hold Edge.Exchange. */
  private async authenticateClient(form: URLSearchParams): Promise<string> {
    const type = form.get("client_assertion_type");
    const assertion = form.get("client_assertion");
    if (type !== CLIENT_ASSERTION_JWT || !assertion) {
      throw new TokenExchangeError("invalid_client", "client authentication required", "no_client_assertion");
    }
    const principal = await this.verifyAs(assertion, "invalid_client", "client authentication failed", "client");
    if (principal.kind !== "workload") throw new TokenExchangeError("invalid_client", "client authentication failed", "client_not_workload");
    if (!principal.roles.includes(ROLE_EXCHANGE)) throw new TokenExchangeError("invalid_client", "client not authorized", "client_missing_role");
    const clientId = form.get("client_id");
    if (clientId !== null && clientId !== principal.clientId) throw new TokenExchangeError("invalid_client", "client authentication failed", "client_id_mismatch");
    return principal.clientId;
  }

  private async verifySubject(token: string): Promise<UserPrincipal> {
    const principal = await this.verifyAs(token, "invalid_request", "invalid subject token", "subject");
    if (principal.kind !== "user") throw new TokenExchangeError("invalid_request", "subject token must represent a user", "subject_not_user");
    return principal;
  }

  /** The actor token, when given, must be the requester's own workload token (RFC 8693 delegation). */
  private async checkActor(form: URLSearchParams, requester: string): Promise<string | undefined> {
    const actorToken = form.get("actor_token");
    const actorType = form.get("actor_token_type");
    if (actorToken === null) {
      if (actorType !== null) throw new TokenExchangeError("invalid_request", "actor_token_type without actor_token", "actor_type_alone");
      return undefined;
    }
    if (actorType !== TOKEN_TYPE_ACCESS && actorType !== TOKEN_TYPE_JWT) {
      throw new TokenExchangeError("invalid_request", "unsupported actor_token_type", "bad_actor_token_type");
    }
    const actor = await this.verifyAs(actorToken, "invalid_request", "invalid actor token", "actor");
    if (actor.kind !== "workload" || actor.clientId !== requester) {
      throw new TokenExchangeError("invalid_request", "actor token does not belong to the client", "actor_not_requester");
    }
    return requester;
  }

  /** Verifies a token of the request; an invalid one becomes `code` (dependency failures pass through as 503). */
  private async verifyAs(token: string, code: "invalid_client" | "invalid_request", description: string, role: string): Promise<Principal> {
    try {
      return await this.deps.verifier.verify(token, { audiences: this.deps.audiences });
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new TokenExchangeError(code, description, `${role}_${error.reason}`);
      throw error;
    }
  }

  private async onBehalfOf(subjectToken: string, subject: UserPrincipal, resource: string, scopes: string[]): Promise<ExchangeResult> {
    const { obo, oboAudiences = [] } = this.deps;
    if (!obo) throw new TokenExchangeError("invalid_target", "resource not available", "obo_not_configured");
    if (!subject.tenantId || !subject.audience.some((aud) => oboAudiences.includes(aud))) {
      throw new TokenExchangeError("invalid_request", "subject token cannot be used on behalf of the user", "obo_not_eligible");
    }
    const result = await obo.exchange(subjectToken, subject.userKeyHash, resource, scopes);
    return { accessToken: result.accessToken, expiresIn: result.expiresIn, scope: result.scope };
  }

  /**
   * An edge-minted token as subject: only the workloads that run its audience may exchange it, only
   * for a resource that audience may call, never for longer than it lives, with the chain in `act`.
   */
  private async chained(
    token: string,
    requester: string,
    target: ResourcePolicy,
    requestedScopes: string[],
    actor: string | undefined,
    context: Context,
  ): Promise<ExchangeResult> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(await this.deps.signingKeys.jwks()), {
        issuer: this.deps.issuer,
        typ: EDGE_TOKEN_TYPE,
        algorithms: ["ES256"],
        requiredClaims: ["exp", "iat", "sub", "aud", "client_id"],
        clockTolerance: 30,
        currentDate: new Date(this.now()),
      }));
    } catch {
      throw new TokenExchangeError("invalid_request", "invalid subject token", "edge_token_invalid");
    }
    context.subject = String(payload.sub);
    const source = typeof payload.aud === "string" ? this.deps.policies.get(payload.aud) : undefined;
    if (!source || !source.requesterIds.includes(requester) || !source.allowedDownstream.includes(target.resource)) {
      throw new TokenExchangeError("invalid_request", "edge token may not be exchanged for this resource", "chain_not_allowed");
    }
    if (target.mode !== "mint") throw new TokenExchangeError("invalid_target", "resource not available for chained exchange", "chain_obo");
    checkRequester(target, requester);
    const scopes = grantScopes(target, requestedScopes);
    if (scopes.length === 0) throw new TokenExchangeError("invalid_scope", "no requested scope is allowed", "empty_scope");
    const now = Math.floor(this.now() / 1000);
    const expiresAt = Math.min(now + target.ttlSeconds, payload.exp as number);
    if (expiresAt <= now) throw new TokenExchangeError("invalid_request", "subject token expired", "subject_expired");
    const previous: Actor = isActor(payload.act) ? payload.act : { sub: String(payload.client_id) };
    const key = await this.deps.signingKeys.active();
    const accessToken = await mintAccessToken(key, {
      issuer: this.deps.issuer,
      audience: target.resource,
      subject: String(payload.sub),
      clientId: requester,
      scopes,
      issuedAt: now,
      expiresAt,
      ...(typeof payload.tid === "string" ? { tenantId: payload.tid } : {}),
      act: { sub: actor ?? requester, act: previous },
    });
    return { accessToken, expiresIn: expiresAt - now, scope: scopes.join(" ") };
  }
}

function checkRequester(policy: ResourcePolicy, requester: string): void {
  if (policy.allowedRequesters.length > 0 && !policy.allowedRequesters.includes(requester)) {
    throw new TokenExchangeError("invalid_target", "requester not allowed for this resource", "requester_not_allowed");
  }
}

function peekIssuer(token: string): string | undefined {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    throw new TokenExchangeError("invalid_request", "invalid subject token", "subject_malformed");
  }
}

/** RFC 6749 §3.3 scope tokens: printable ASCII without space, `"` or `\`. */
function parseScope(raw: string | null): string[] {
  if (raw === null) return [];
  const scopes = raw.split(" ").filter((s) => s.length > 0);
  if (scopes.length > MAX_SCOPES) throw new TokenExchangeError("invalid_scope", "too many scopes", "too_many_scopes");
  for (const scope of scopes) {
    for (let i = 0; i < scope.length; i += 1) {
      const c = scope.charCodeAt(i);
      if (c < 0x21 || c === 0x22 || c === 0x5c || c > 0x7e) throw new TokenExchangeError("invalid_scope", "malformed scope", "malformed_scope");
    }
  }
  return scopes;
}

function isActor(value: unknown): value is Actor {
  return typeof value === "object" && value !== null && typeof (value as { sub?: unknown }).sub === "string";
}

function owaspOf(error: unknown): OwaspMcpId {
  if (error instanceof TokenExchangeError) {
    if (error.code === "invalid_scope" || error.code === "invalid_target") return "MCP02";
    if (error.reason === "missing_inbound_scope" || error.reason === "client_not_allowed" || error.reason === "chain_not_allowed") return "MCP02";
    return "MCP07";
  }
  return "MCP08";
}
