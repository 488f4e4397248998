import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorConfig } from "../options";
import { toApiError } from "../http/errors";
import { toJson } from "../http/json";
import { AtlasDomainError } from "../model/domain-error";
import type { AtlasModel } from "../model/model";
import { bucketFor, refillPerMinute, type TokenBuckets } from "../limits/rate-limit";

/*
 * Service-account OAuth 2.0 endpoints (client credentials, RFC 6749 §4.4; revocation, RFC 7009).
 * Live Atlas's exact error bodies for these endpoints are not published: errors use the RFC's
 * `{error, error_description}` shape, except the 429, which the reference gives as Atlas's
 * RATE_LIMITED error.
 */

/** A complete answer of an OAuth endpoint. */
export interface OAuthReply {
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string | number>;
  /** Client id named in the request, when there was one (for the request log's rate-limit key). */
  clientId?: string;
}

/** What the OAuth endpoints need from the emulator. */
export interface OAuthDeps {
  model: AtlasModel;
  readonly config: EmulatorConfig;
  buckets: TokenBuckets;
}

/** `POST /api/oauth/token`: `Authorization: Basic base64(clientId:clientSecret)`, form `grant_type=client_credentials`. */
export function tokenEndpoint(deps: OAuthDeps, headers: IncomingHttpHeaders, rawBody: string): OAuthReply {
  const form = new URLSearchParams(rawBody);
  const client = clientCredentials(headers, form);
  const limit = deps.config.rateLimit;
  if (limit.enabled) {
    const spec = bucketFor("oauthToken", { clientId: client?.id ?? "(anonymous)" }, limit);
    const taken = deps.buckets.take(spec);
    if (!taken.allowed) {
      const minutes = Math.max(1, Math.round(spec.capacity / Math.max(refillPerMinute(spec.refillPerSecond), 1e-9)));
      const error = toApiError(
        new AtlasDomainError(
          "RATE_LIMITED",
          `Resource ${spec.label} is limited to ${spec.capacity} requests every ${minutes} minutes.`,
          [spec.label, spec.capacity, minutes],
        ),
      );
      return {
        status: 429,
        contentType: "application/json",
        body: toJson(error),
        headers: { "Retry-After": taken.retryAfterSeconds },
        clientId: client?.id,
      };
    }
  }
  if (!isForm(headers))
    return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
  const match = client && deps.model.checkClientCredentials(client.id, client.secret);
  if (!match) return { ...oauthError(401, "invalid_client", "Client authentication failed."), clientId: client?.id };
  const { sa, secretId } = match;
  if (form.get("grant_type") !== "client_credentials") {
    return {
      ...oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported."),
      clientId: sa.clientId,
    };
  }
  const issued = deps.model.issueToken(sa.clientId, deps.config.tokenLifetimeSeconds, secretId);
  if (!issued) {
    // Live wording (MongoDB MCP server docs, "Service account access token limits").
    const text = "Access Token limit reached. Please use the existing Access Tokens or create a new Service Account.";
    return { ...oauthError(403, "access_denied", text), clientId: sa.clientId };
  }
  const body = toJson({ access_token: issued.accessToken, expires_in: issued.expiresInSeconds, token_type: "Bearer" });
  return {
    status: 200,
    contentType: "application/json",
    body,
    headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
    clientId: sa.clientId,
  };
}

/** `POST /api/oauth/revoke`: form `token=...`; 200 whether or not the token was known (RFC 7009). */
export function revokeEndpoint(deps: OAuthDeps, headers: IncomingHttpHeaders, rawBody: string): OAuthReply {
  const form = new URLSearchParams(rawBody);
  const client = clientCredentials(headers, form);
  const sa = client && deps.model.checkClientCredentials(client.id, client.secret)?.sa;
  if (!sa) return oauthError(401, "invalid_client", "Client authentication failed.");
  const token = form.get("token");
  if (!token) return oauthError(400, "invalid_request", "The token parameter is required.");
  deps.model.revokeToken(sa.clientId, token);
  return { status: 200, contentType: "application/json", body: "", headers: {}, clientId: sa.clientId };
}

/** Client id and secret from HTTP Basic (form-urlencoded inside, RFC 6749 §2.3.1) or from the form body. */
function clientCredentials(
  headers: IncomingHttpHeaders,
  form: URLSearchParams,
): { id: string; secret: string } | undefined {
  const basic = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : undefined;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function isForm(headers: IncomingHttpHeaders): boolean {
  return (headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

function oauthError(status: number, error: string, description: string): OAuthReply {
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Basic realm="oauth"' } : {};
  return { status, contentType: "application/json", body: toJson({ error, error_description: description }), headers };
}
