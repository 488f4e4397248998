/**
 * The bottom layer: one HTTP exchange through axios, nothing else. It never
 * throws and never judges a status (`validateStatus: () => true`): the layers
 * above decide what a 401, a 429 or a 5xx means. A failure to get a response
 * comes back as a {@link TransportFailure} saying whether the request may have
 * reached the server, which the retry layer needs for key-creating POSTs.
 */
import axios, { type AxiosInstance } from "axios";
import { createAgents, type AgentPair } from "./agents";
import type { BaseUrl } from "./base-url";
import { ATLAS_MEDIA_TYPE } from "./endpoints";
import { describeFailure, type TransportFailure } from "./transport-failure";

/** A request ready to go on the wire. */
export interface HttpRequest {
  method: string;
  /** Path (base path prefix included) and query, already encoded; appended to the base URL's origin. */
  target: string;
  /** Extra headers (e.g. Authorization); the media type and User-Agent are added here. */
  headers?: Record<string, string>;
  /** Serialised body. */
  body?: string;
  /** Use a new connection, not a pooled one (see {@link Transport.send}). */
  freshConnection?: boolean;
}

/** A response of any status, body as text. */
export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export type { TransportFailure } from "./transport-failure";

/** Either a response or a failure; {@link Transport.send} never throws. */
export type TransportOutcome = { ok: true; response: HttpResponse } | { ok: false; failure: TransportFailure };

/** Settings of a {@link Transport}. */
export interface TransportOptions {
  baseUrl: BaseUrl;
  userAgent?: string;
  /** TCP + TLS connect timeout in milliseconds (default 10 000). */
  connectTimeoutMs?: number;
  /** Whole-exchange timeout in milliseconds, connect included (default 60 000). */
  requestTimeoutMs?: number;
}

/** Default User-Agent: the package name and version. */
export function defaultUserAgent(): string {
  return `pulumi-mongodbatlas-apikeys/${packageVersion()}`;
}

function packageVersion(): string {
  // dist/provider/atlas/ at run time, provider/atlas/ under ts-node.
  for (const relative of ["../../../package.json", "../../package.json"]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(relative) as { name?: string; version?: string };
      if (pkg.name === "pulumi-mongodbatlas-apikeys" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // Not there in this layout: try the next one.
    }
  }
  return "dev";
}

/** HTTP exchanges with one Atlas base URL, over keep-alive connections. */
export class Transport {
  private axios?: AxiosInstance;
  private pooled?: AgentPair;
  private fresh?: AgentPair;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly userAgent: string;

  constructor(private readonly options: TransportOptions) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.userAgent = options.userAgent ?? defaultUserAgent();
  }

  /**
   * Sends one request. `freshConnection` requests skip the pool: a pooled
   * socket may be closed by the server just as it is reused, and the
   * resulting reset is indistinguishable from a failure after processing.
   */
  async send(request: HttpRequest): Promise<TransportOutcome> {
    const agents = request.freshConnection
      ? (this.fresh ??= createAgents(this.connectTimeoutMs, false))
      : (this.pooled ??= createAgents(this.connectTimeoutMs, true));
    // Outside the try: a missing axios is a setup error, not a network failure to retry.
    const axios = this.client();
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      this.requestTimeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, this.requestTimeoutMs)
        : undefined;
    try {
      const response = await axios.request<string>({
        method: request.method,
        url: this.options.baseUrl.origin + request.target,
        headers: {
          Accept: ATLAS_MEDIA_TYPE,
          ...(request.body !== undefined ? { "Content-Type": ATLAS_MEDIA_TYPE } : {}),
          "User-Agent": this.userAgent,
          ...request.headers,
        },
        data: request.body,
        httpAgent: agents.http,
        httpsAgent: agents.https,
        signal: controller.signal,
      });
      return {
        ok: true,
        response: { status: response.status, headers: flatHeaders(response.headers), body: text(response.data) },
      };
    } catch (error) {
      return { ok: false, failure: describeFailure(error, timedOut, this.requestTimeoutMs) };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Closes pooled connections (lets a process or a test exit promptly). */
  close(): void {
    for (const pair of [this.pooled, this.fresh]) {
      pair?.http.destroy();
      pair?.https.destroy();
    }
    this.pooled = undefined;
    this.fresh = undefined;
  }

  private client(): AxiosInstance {
    if (!this.axios) {
      this.axios = axios.create({
        validateStatus: () => true,
        responseType: "text",
        // Keep the raw text: the layers above parse JSON and cope with HTML error pages.
        transformResponse: [(data: unknown) => data],
        // A redirect could carry credentials to another host; Atlas API calls never redirect.
        maxRedirects: 0,
        // An environment proxy must not capture calls to the local emulator.
        ...(this.options.baseUrl.loopback ? { proxy: false as const } : {}),
        timeout: 0,
      });
    }
    return this.axios;
  }
}

function flatHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const source = (
    headers && typeof (headers as { toJSON?: unknown }).toJSON === "function"
      ? (headers as { toJSON(): unknown }).toJSON()
      : headers
  ) as Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

function text(data: unknown): string {
  if (typeof data === "string") return data;
  if (data === undefined || data === null) return "";
  return Buffer.isBuffer(data) ? data.toString("utf8") : String(data);
}
