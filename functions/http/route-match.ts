// Matches a request path against Azure Functions route templates the way the Functions host does:
// literal segments (case-insensitive) before parameters, the `{*rest}` catch-all last.
import type { RouteDefinition } from "./route.ts";

interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly segments: readonly Segment[];
  readonly literalCount: number;
}

type Segment = { kind: "literal"; value: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly params: Record<string, string>;
}

export function compileRoutes(routes: readonly RouteDefinition[]): (path: string) => RouteMatch | undefined {
  const compiled: CompiledRoute[] = routes.map((definition) => {
    const segments = definition.route.split("/").map((part): Segment => {
      if (part.startsWith("{*") && part.endsWith("}")) return { kind: "rest", name: part.slice(2, -1) };
      if (part.startsWith("{") && part.endsWith("}")) return { kind: "param", name: part.slice(1, -1).split(":")[0] as string };
      return { kind: "literal", value: part.toLowerCase() };
    });
    return { definition, segments, literalCount: segments.filter((s) => s.kind === "literal").length };
  });
  // Most specific first: more literal segments win; a catch-all loses to everything.
  compiled.sort((a, b) => rank(b) - rank(a));

  return (path: string) => {
    const parts = path.replace(/^\/+/, "").split("/");
    for (const candidate of compiled) {
      const params = matchSegments(candidate.segments, parts);
      if (params) return { route: candidate.definition, params };
    }
    return undefined;
  };
}

function rank(route: CompiledRoute): number {
  const hasRest = route.segments.some((s) => s.kind === "rest");
  return (hasRest ? -1000 : 0) + route.literalCount * 10 + route.segments.length;
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as Segment;
    if (segment.kind === "rest") {
      params[segment.name] = parts.slice(i).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined || part.length === 0) return undefined;
    if (segment.kind === "literal") {
      if (part.toLowerCase() !== segment.value) return undefined;
    } else {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params[segment.name] = decoded;
    }
  }
  return parts.length === segments.length ? params : undefined;
}
