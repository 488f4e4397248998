import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

/*
 * Test-only HTTP helpers: a raw request function and a small RFC 7616 digest client, written
 * here so the emulator tests depend on nothing from provider/.
 */

/** A completed HTTP exchange. */
export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body, or undefined when empty / not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * One HTTP request with an optional body; resolves on any status, rejects on socket errors.
 * `path` (with its query) goes on the wire byte for byte: no `..` or `%2e` is resolved here.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpResult> {
  const url = new URL(baseUrl);
  const headers = { ...options.headers };
  // Node sends GET/DELETE bodies without framing unless told the length.
  if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ method, hostname: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Directives of a `WWW-Authenticate: Digest ...` challenge. */
export function parseChallenge(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-z]+)=(?:"([^"]*)"|([^,\s]*))/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header.replace(/^Digest\s+/i, ""))) !== null) out[m[1]] = m[2] ?? m[3];
  return out;
}

/** Builds an `Authorization: Digest ...` value for a challenge. */
export function digestAuthorization(
  challenge: Record<string, string>,
  method: string,
  uri: string,
  user: string,
  password: string,
  nc: number,
  cnonce = randomBytes(8).toString("hex"),
): string {
  const algorithm = challenge.algorithm ?? "MD5";
  const h = (s: string) =>
    createHash(algorithm === "SHA-256" ? "sha256" : "md5")
      .update(s)
      .digest("hex");
  const ncText = nc.toString(16).padStart(8, "0");
  const response = h(
    `${h(`${user}:${challenge.realm}:${password}`)}:${challenge.nonce}:${ncText}:${cnonce}:auth:${h(`${method}:${uri}`)}`,
  );
  return (
    `Digest username="${user}", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="${quoted(uri)}", ` +
    `algorithm=${algorithm}, response="${response}", qop=auth, nc=${ncText}, cnonce="${cnonce}"`
  );
}

/** Escapes a value for a quoted-string (RFC 9110 §5.6.4): backslash and double quote. */
function quoted(value: string): string {
  return value.replace(/[\\"]/g, "\\$&");
}

/**
 * Digest client. By default it does what the official Go transport does: every request twice,
 * first without credentials to get a fresh challenge. With `reuseNonce` it keeps the last nonce
 * and counts `nc` up, falling back to a fresh challenge on 401.
 */
export class DigestClient {
  private challenge?: Record<string, string>;
  private nc = 0;

  constructor(
    readonly baseUrl: string,
    readonly publicKey: string,
    readonly privateKey: string,
    readonly options: { reuseNonce?: boolean } = {},
  ) {}

  get(path: string): Promise<HttpResult> {
    return this.request("GET", path);
  }

  post(path: string, body?: unknown): Promise<HttpResult> {
    return this.request("POST", path, body);
  }

  patch(path: string, body?: unknown): Promise<HttpResult> {
    return this.request("PATCH", path, body);
  }

  delete(path: string): Promise<HttpResult> {
    return this.request("DELETE", path);
  }

  /** Sends a request with digest credentials; `body` is JSON-encoded unless it is a string. */
  async request(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    const headers: Record<string, string> = { Accept: "application/vnd.atlas.2023-01-01+json" };
    if (text !== undefined) headers["Content-Type"] = "application/vnd.atlas.2023-01-01+json";
    if (this.options.reuseNonce && this.challenge) {
      const reused = await rawRequest(this.baseUrl, method, path, {
        headers: { ...headers, Authorization: this.authorize(method, path) },
        body: text,
      });
      if (reused.status !== 401 || !reused.headers["www-authenticate"]) return reused;
      this.remember(reused);
    } else {
      const first = await rawRequest(this.baseUrl, method, path, { headers, body: text });
      if (first.status !== 401 || !first.headers["www-authenticate"]) return first;
      this.remember(first);
    }
    return rawRequest(this.baseUrl, method, path, {
      headers: { ...headers, Authorization: this.authorize(method, path) },
      body: text,
    });
  }

  private remember(res: HttpResult): void {
    this.challenge = parseChallenge(String(res.headers["www-authenticate"]));
    this.nc = 0;
  }

  private authorize(method: string, path: string): string {
    this.nc += 1;
    return digestAuthorization(this.challenge!, method, path, this.publicKey, this.privateKey, this.nc);
  }
}

/** Requests with `Authorization: Bearer <token>`. */
export function bearerRequest(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: "application/vnd.atlas.2023-01-01+json",
  };
  if (body !== undefined) headers["Content-Type"] = "application/vnd.atlas.2023-01-01+json";
  return rawRequest(baseUrl, method, path, { headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Fetches a service-account token from the emulator. */
export async function fetchToken(baseUrl: string, clientId: string, clientSecret: string): Promise<HttpResult> {
  return rawRequest(baseUrl, "POST", "/api/oauth/token", {
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: "grant_type=client_credentials",
  });
}
