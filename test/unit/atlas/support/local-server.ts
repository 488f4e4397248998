/**
 * Local HTTP servers for the Atlas client tests: 127.0.0.1 only, an ephemeral
 * port, a log of every request received, and a digest verifier written from
 * RFC 7616 independently of the client's code.
 */
import { createHash, randomBytes } from "crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import type { AddressInfo } from "net";

/** One request as the server saw it. */
export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Handles one request whose body has been read. */
export type Handler = (req: LoggedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/** A running server. */
export interface LocalServer {
  baseUrl: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 calling `handler` for every request. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on("data", (c: Buffer) => chunks.push(c));
    raw.on("end", () => {
      const req = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(req);
      Promise.resolve(handler(req, res, raw)).catch((error: Error) => {
        res.statusCode = 599;
        res.end(String(error.message));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Anything a test opens and must close: a {@link LocalServer}, an `AtlasClient`. */
export interface Closable {
  close(): void | Promise<void>;
}

/** What {@link closedAfterEachTest} gives a suite. */
export interface PerTestResources {
  /** Starts a server (as {@link startServer} does) that is closed after the current test. */
  startServer(handler: Handler): Promise<LocalServer>;
  /** Closes `resource` after the current test; returns it. */
  closeAfterTest<T extends Closable>(resource: T): T;
}

/**
 * Call inside a `describe`: registers an `afterEach` that closes what the test opened through
 * the returned object, newest first (so a client is closed before the server it talks to), and
 * even when the test failed halfway.
 */
export function closedAfterEachTest(): PerTestResources {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const resource of open.splice(0).reverse()) await resource.close();
  });
  const closeAfterTest = <T extends Closable>(resource: T): T => {
    open.push(resource);
    return resource;
  };
  return {
    startServer: async (handler) => closeAfterTest(await startServer(handler)),
    closeAfterTest,
  };
}

/** Writes a JSON body with the content type Atlas uses for the status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const type = status < 300 ? "application/vnd.atlas.2023-01-01+json;charset=utf-8" : "application/json";
  res.writeHead(status, { "Content-Type": type, ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/** Parses an `Authorization: Digest …` header (test-side, independent of the client). */
export function parseDigestAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header || !/^Digest\s/i.test(header)) return undefined;
  const out: Record<string, string> = {};
  const re = /([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi;
  for (let m = re.exec(header.slice(7)); m; m = re.exec(header.slice(7))) {
    out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3];
  }
  return out;
}

/** Settings of {@link digestGuard}. */
export interface DigestGuardOptions {
  realm: string;
  username: string;
  password: string;
  algorithm?: "MD5" | "SHA-256";
  /** When false, each nonce is valid for one request only (like a server refusing reuse). */
  allowReuse: boolean;
  /** When set, a nonce becomes stale after this many accepted uses. */
  staleAfterUses?: number;
}

/** What the guard decided for each request. */
export interface DigestDecision {
  url: string;
  nonce?: string;
  nc?: number;
  outcome: "challenged" | "accepted" | "stale" | "rejected";
}

/**
 * Wraps `handler` in a digest check. Nonces use the base64 alphabet with
 * `+`, `/` and `=` in them, as Atlas's do.
 */
export function digestGuard(
  options: DigestGuardOptions,
  handler: Handler,
): { handler: Handler; decisions: DigestDecision[] } {
  const decisions: DigestDecision[] = [];
  const nonces = new Map<string, { lastNc: number; uses: number }>();
  const hash = (s: string) =>
    createHash(options.algorithm === "SHA-256" ? "sha256" : "md5")
      .update(s)
      .digest("hex");
  const challenge = (res: ServerResponse, stale: boolean) => {
    const nonce = `${randomBytes(11).toString("base64")}+/${randomBytes(11).toString("base64")}`;
    nonces.set(nonce, { lastNc: 0, uses: 0 });
    res.writeHead(401, {
      "Content-Type": "application/json",
      "WWW-Authenticate": `Digest realm="${options.realm}", domain="", nonce="${nonce}", algorithm=${options.algorithm ?? "MD5"}, qop="auth", stale=${stale}`,
    });
    res.end(
      '{\n  "error" : 401,\n  "reason" : "Unauthorized",\n  "detail" : "You are not authorized for this resource.",\n  "errorCode" : "UNEXPECTED_ERROR"\n}',
    );
  };
  const guarded: Handler = (req, res, raw) => {
    const a = parseDigestAuthorization(req.headers.authorization);
    if (!a) {
      decisions.push({ url: req.url, outcome: "challenged" });
      return challenge(res, false);
    }
    const nc = parseInt(a.nc, 16);
    const ha1 = hash(`${a.username}:${options.realm}:${options.password}`);
    const expected = hash(`${ha1}:${a.nonce}:${a.nc}:${a.cnonce}:${a.qop}:${hash(`${req.method}:${a.uri}`)}`);
    const digestOk =
      a.username === options.username && a.uri === req.url && a.response === expected && a.qop === "auth";
    if (!digestOk) {
      decisions.push({ url: req.url, nonce: a.nonce, nc, outcome: "rejected" });
      return challenge(res, false);
    }
    const state = nonces.get(a.nonce);
    const fresh =
      state !== undefined &&
      nc > state.lastNc &&
      (options.allowReuse || state.uses === 0) &&
      (options.staleAfterUses === undefined || state.uses < options.staleAfterUses);
    if (!fresh) {
      decisions.push({ url: req.url, nonce: a.nonce, nc, outcome: "stale" });
      return challenge(res, true);
    }
    state.lastNc = nc;
    state.uses++;
    decisions.push({ url: req.url, nonce: a.nonce, nc, outcome: "accepted" });
    return handler(req, res, raw);
  };
  return { handler: guarded, decisions };
}
