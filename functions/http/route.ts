// What a route is: the one shape shared by the route table, the Functions entry point and the local host.
import type { HttpMethod, HttpRequest, HttpResponse, HttpResponseInit } from "./azure-functions.ts";
import type { Principal } from "../../shared/identity/principal.ts";
import type { AuditEvent } from "../../shared/audit/events.ts";
import type { Services } from "../services.ts";
import type { ErrorFormat } from "./problem.ts";

/**
 * Who may call a route, enforced in one place before any body is read:
 * - `anonymous`: anyone;
 * - `functionKey`: the Functions key on Azure (authLevel function), anyone locally;
 * - `screen`: a user token, or a workload token with the app role Edge.Screen;
 * - `user`: a user token;
 * - `admin`: a user token with the app role Edge.Admin from a role issuer;
 * - `client`: OAuth client authentication, checked by the handler (token endpoint).
 */
export type Access = "anonymous" | "functionKey" | "screen" | "user" | "admin" | "client";

export interface EdgeRequest {
  readonly request: HttpRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly correlationId: string;
  /** Set for `screen`, `user` and `admin` routes. */
  readonly principal: Principal | undefined;
  readonly services: Services;
  audit(event: Omit<AuditEvent, "correlationId" | "route">): void;
  readJson(): Promise<unknown>;
  readForm(): Promise<URLSearchParams>;
  readText(): Promise<string>;
}

export type RouteHandler = (request: EdgeRequest) => Promise<HttpResponse | HttpResponseInit>;

export interface RouteDefinition {
  readonly name: string;
  /** Azure Functions route template, without a prefix (host.json routePrefix is ""). */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly access: Access;
  readonly errorFormat?: ErrorFormat;
  readonly handler: RouteHandler;
}

/** Every method a request object can carry (the fetch Request under HttpRequest refuses TRACE and CONNECT, so no
 * route is registered for them: the host answers them itself, never a handler with a 500). */
export const ALL_METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
