// A self-signed certificate for 127.0.0.1 (openssl), for local HTTPS doubles of Azure services:
// the Azure SDK sends bearer tokens only over TLS.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import { join } from "node:path";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { tempDir } from "./temp-dir.ts";

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
  readonly certPath: string;
  /** A pipeline policy making an Azure SDK client trust this certificate. */
  trustPolicy(): { policy: PipelinePolicy; agent: Agent };
}

export function selfSigned(): SelfSigned {
  const dir = tempDir("tls-double-");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    { stdio: "ignore" },
  );
  const cert = readFileSync(join(dir, "cert.pem"), "utf8");
  return {
    key: readFileSync(join(dir, "key.pem"), "utf8"),
    cert,
    certPath: join(dir, "cert.pem"),
    trustPolicy() {
      const agent = new Agent({ ca: cert, keepAlive: true });
      return {
        agent,
        policy: {
          name: "trust-local-double",
          sendRequest: (request, next) => {
            request.agent = agent;
            return next(request);
          },
        },
      };
    },
  };
}
