// Small parsers for setting values; each throws ConfigError naming the setting.
import { ConfigError } from "./errors.ts";

export function parseInteger(name: string, raw: string, range: { min: number; max: number }): number {
  if (!/^\d{1,12}$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw.slice(0, 40)}"`);
  const value = Number(raw);
  if (value < range.min || value > range.max) {
    throw new ConfigError(name, `must be between ${range.min} and ${range.max}`);
  }
  return value;
}

export function parseBoolean(name: string, raw: string): boolean {
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigError(name, "must be true or false");
}

export function parseUrl(name: string, raw: string, options: { allowPath?: boolean } = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, "must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError(name, "must be an http(s) URL");
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(name, "must not carry credentials, a query or a fragment");
  }
  if (!options.allowPath && url.pathname !== "/") throw new ConfigError(name, "must not have a path");
  return url;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseGuid(name: string, raw: string): string {
  if (!GUID.test(raw)) throw new ConfigError(name, "must be a GUID");
  return raw.toLowerCase();
}

export function parseCsv(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === "localhost" || h === "[::1]" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}
