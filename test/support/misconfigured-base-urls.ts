/**
 * The wrong base URLs of the misconfiguration matrix, and the one resource of each kind it reads
 * and deletes through them. A wrong base URL must never empty the state nor report a delete that
 * did not happen (issue 10): every 404 that does not name the object read is an error saying the
 * base URL looks wrong.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatorHandle } from "../../emulator";
import type { ResourceKind } from "../../provider/runtime/serializable";
import { adminClient, handlers } from "./provider-harness";
import { checkedInputs, type Outputs } from "./reliability-step-matrix";

/** One way of getting the base URL wrong, and what the error must say. */
export interface WrongBaseUrl {
  name: string;
  url: string;
  /** The error names the problem (and, for a 404, the request that got it). */
  message: RegExp;
  /** True when the provider must refuse the setting before sending anything. */
  refusedBeforeAnyRequest?: boolean;
}

/**
 * A server that is not Atlas, on 127.0.0.1: under `/json-404` it answers every request 404 with a
 * JSON body that is not an Atlas error, under `/html-404` with an HTML page, as a proxy or a web
 * server in front of the wrong path would.
 */
export async function notAtlas(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    req.resume();
    if (req.url?.startsWith("/html-404/")) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
    } else {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: 404, message: "No route matches this path" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The 404's error: the request as sent (the wrong prefix shows) and the base URL named as the likely cause. */
const looksWrong = (prefix: string, code = "") =>
  new RegExp(
    `${prefix}/api/atlas/v2/\\S+ answered HTTP 404 with error code "${code || "[A-Z_]+"}".*base URL looks wrong`,
  );

/** The four columns of the matrix. */
export function wrongBaseUrls(emulator: EmulatorHandle, other: { url: string }): WrongBaseUrl[] {
  return [
    {
      name: "path /api/atlas/v2",
      url: `${emulator.url}/api/atlas/v2`,
      message: /already contains \/api\/atlas.*must be the host root/,
      refusedBeforeAnyRequest: true,
    },
    {
      name: "404 RESOURCE_NOT_FOUND",
      url: `${emulator.url}/proxy`,
      message: looksWrong("/proxy", "RESOURCE_NOT_FOUND"),
    },
    { name: "404, not an Atlas body", url: `${other.url}/json-404`, message: looksWrong("/json-404") },
    { name: "404, HTML page", url: `${other.url}/html-404`, message: looksWrong("/html-404") },
  ];
}

/** One live resource of a kind, as the state holds it. */
export interface Held {
  kind: ResourceKind;
  id: string;
  outs: Outputs;
}

/** One resource of each of the eight kinds, created with the right settings (the runtime must be configured). */
export async function oneOfEachKind(emulator: EmulatorHandle): Promise<Held[]> {
  const held: Held[] = [];
  const make = async (kind: ResourceKind, program: Record<string, unknown>) => {
    const result = await handlers[kind].create(await checkedInputs(kind, program));
    held.push({ kind, id: result.id, outs: result.outs as Outputs });
    return result.outs as Outputs;
  };
  const { orgId, projectId } = emulator;
  const admin = adminClient(emulator);
  const fixtureKey = await admin.createOrgApiKey(orgId, { desc: "misconfiguration fixture", roles: ["ORG_MEMBER"] });
  admin.close();
  await make("apiKey", { orgId, description: "live", roleNames: ["ORG_MEMBER"], accessList: ["10.0.0.0/8"] });
  await make("projectApiKey", {
    description: "live project key",
    projectAssignments: [{ projectId, roleNames: ["GROUP_READ_ONLY"] }],
    accessList: ["192.0.2.1"],
  });
  await make("apiKeyProjectAssignment", { projectId, apiKeyId: fixtureKey.id, roles: ["GROUP_OWNER"] });
  await make("accessListApiKey", { orgId, apiKeyId: fixtureKey.id, cidrBlock: "198.51.100.0/24" });
  const account = await make("serviceAccount", {
    orgId,
    name: "misconfiguration",
    description: "live account",
    roles: ["ORG_MEMBER"],
    secretExpiresAfterHours: 24,
  });
  const clientId = String(account.clientId);
  await make("serviceAccountSecret", { orgId, clientId, secretExpiresAfterHours: 24 });
  await make("serviceAccountProjectAssignment", { projectId, clientId, roles: ["GROUP_READ_ONLY"] });
  await make("serviceAccountAccessListEntry", { orgId, clientId, cidrBlock: "203.0.113.0/24" });
  return held;
}

/** Every secret a message of the matrix must not show: the provider's key and the secrets in state. */
export function secretsToHide(emulator: EmulatorHandle, held: Held[]): string[] {
  const values = [emulator.privateKey];
  for (const { outs } of held) {
    if (typeof outs.privateKey === "string") values.push(outs.privateKey);
    if (typeof outs.secret === "string") values.push(outs.secret);
    for (const s of (outs.secrets as Array<{ secret?: string }> | undefined) ?? []) if (s.secret) values.push(s.secret);
  }
  return values;
}
