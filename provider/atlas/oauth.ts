/**
 * The bearer auth layer for service accounts (OAuth 2.0 client credentials).
 * The token endpoint allows about 10 requests per minute per client, so the
 * token is cached until shortly before it expires and only one token request
 * is ever in flight: concurrent callers share it.
 */
import { AtlasApiError, ClientErrorCode } from "./errors";
import { errorFromResponse, parseSuccessBody } from "./response";
import type { OutgoingRequest, RetryingSender, RetryResult } from "./retrying-sender";
import type { StatsCounters } from "./stats";

/** Client id and secret of an Atlas service account. */
export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
}

/** Settings of an {@link OAuthSession}. */
export interface OAuthSessionOptions {
  /** Request target of the token endpoint (`/api/oauth/token`, after any base path). */
  tokenTarget: string;
  /** Epoch milliseconds. */
  now: () => number;
}

/** Longest margin before expiry at which the token is renewed, in milliseconds. */
const MAX_RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  value: string;
  /** Epoch ms after which a new token is fetched. */
  renewAt: number;
}

interface TokenResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
}

/** Bearer authentication with a cached, shared access token. */
export class OAuthSession {
  /** Held in a closure, not a field, so that no dump of the client shows the token. */
  private readonly cache: { get(): CachedToken | undefined; set(token: CachedToken | undefined): void };
  private pending?: Promise<string>;

  constructor(
    private readonly sender: RetryingSender,
    private readonly credentials: () => OAuthCredentials,
    private readonly stats: StatsCounters,
    private readonly options: OAuthSessionOptions,
  ) {
    let token: CachedToken | undefined;
    this.cache = { get: () => token, set: (value) => (token = value) };
  }

  /**
   * Sends `request` with the bearer token. On a 401 the token is dropped, a
   * new one fetched and the request resent once (the token may have been
   * revoked or expired early).
   */
  async send(request: OutgoingRequest): Promise<RetryResult> {
    const token = await this.accessToken();
    const result = await this.sender.send(request, () => ({ Authorization: `Bearer ${token}` }));
    if (result.response.status !== 401) return result;
    this.drop(token);
    const fresh = await this.accessToken();
    return this.sender.send(request, () => ({ Authorization: `Bearer ${fresh}` }));
  }

  /** The cached token, or the one being fetched, or a new one. */
  private accessToken(): Promise<string> {
    const token = this.cache.get();
    if (token && this.options.now() < token.renewAt) return Promise.resolve(token.value);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `token` unless another caller already replaced it. */
  private drop(token: string): void {
    if (this.cache.get()?.value === token) this.cache.set(undefined);
  }

  private async fetchToken(): Promise<string> {
    const request: OutgoingRequest = {
      method: "POST",
      target: this.options.tokenTarget,
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
      // Asking twice only yields two tokens, so every failure may be retried (429 included).
      retryRule: "idempotent",
    };
    const result = await this.sender.send(request, () => {
      this.stats.tokenRequests++;
      const { clientId, clientSecret } = this.credentials();
      const basic = Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64");
      return { Authorization: `Basic ${basic}` };
    });
    const status = result.response.status;
    if (status < 200 || status >= 300) throw errorFromResponse(result, request);
    const body = parseSuccessBody<TokenResponse>(result, request) ?? {};
    const expiresInS = Number(body.expires_in);
    if (typeof body.access_token !== "string" || body.access_token === "" || !(expiresInS > 0)) {
      throw new AtlasApiError({
        status,
        errorCode: ClientErrorCode.unexpectedResponse,
        detail: "The token response lacks access_token or a positive expires_in.",
        method: request.method,
        path: request.target,
        attempts: result.attempts,
      });
    }
    const lifetimeMs = expiresInS * 1000;
    // 60 s early, or 10% of the lifetime for short tokens, so a token never expires mid-request.
    const margin = Math.min(MAX_RENEW_MARGIN_MS, lifetimeMs * 0.1);
    this.cache.set({ value: body.access_token, renewAt: this.options.now() + lifetimeMs - margin });
    return body.access_token;
  }
}
