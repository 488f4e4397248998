import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "../auth/authenticate";
import { authorize } from "../auth/authorize";
import { revokeEndpoint, tokenEndpoint } from "../auth/oauth";
import type { Emulator } from "../emulator";
import { toApiError, toApiErrorFromUnknown, UNAUTHORIZED_BODY } from "./errors";
import { defaultFaultError, type Fault } from "../limits/faults";
import { outputFlags, parseQuery } from "./query";
import type { RequestTarget } from "./target";
import { ERROR_MEDIA_TYPE, mediaTypeOf, writeApiError, writeRaw, writeReply } from "./respond";
import { AtlasDomainError } from "../model/domain-error";
import { normalizePeerAddress } from "../model/ip-address";
import { bucketFor, refillPerMinute } from "../limits/rate-limit";
import type { RequestLogEntry } from "../control/request-log";

/**
 * Processing of one Admin API or OAuth request, in this order:
 *   OAuth endpoints (own auth) → authentication (401 + digest challenge) → access-list check →
 *   body size (413) → faults → route match and path-parameter format (404/405/400) → rate limit (429) →
 *   query parameters (400) → existence and authorization (404/401) → JSON body (400) →
 *   handler → state file → latency → response.
 * Authentication comes first, as in Atlas: an unauthenticated request learns nothing, not even
 * whether its path exists.
 */
export async function handleApiRequest(
  emu: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
  body: Buffer | undefined,
): Promise<void> {
  const method = req.method ?? "GET";
  const { path } = target;
  const started = emu.now();
  const entry = emu.log.begin(method, path, target.search, started);
  const finish = async (write: () => void, status: number | null) => {
    // Skip the timer entirely at 0: even a 0 ms timeout costs a turn of the event loop per request.
    if (emu.config.latencyMs > 0) await sleep(emu.config.latencyMs);
    write();
    entry.status = status;
    entry.durationMs = emu.now() - started;
  };
  const flags = outputFlags(target.query);
  let fault: Fault | undefined;
  try {
    if (method === "POST" && (path === "/api/oauth/token" || path === "/api/oauth/revoke")) {
      entry.auth = "basic";
      // The client's credentials may be in the body: nothing to authenticate before refusing it.
      if (body === undefined) throw tooLarge();
      fault = emu.faults.next(method, path);
      if (fault && (await applyEarlyFault(fault, entry, res, finish))) return;
      const reply = (path.endsWith("/token") ? tokenEndpoint : revokeEndpoint)(emu, req.headers, body.toString("utf8"));
      if (reply.status < 300) emu.persist();
      if (fault?.type === "dropAfterCommit") return drop(res, entry);
      await finish(() => writeRaw(res, reply.status, reply.contentType, reply.body, reply.headers), reply.status);
      return;
    }

    const auth = authenticate(emu.model, emu.digest, req);
    entry.auth = auth.scheme;
    if (!auth.principal) {
      entry.challenge = auth.scheme === "none";
      const challenge = emu.digest.challenge(auth.stale === true);
      await finish(
        () => writeRaw(res, 401, ERROR_MEDIA_TYPE, UNAUTHORIZED_BODY, { "WWW-Authenticate": challenge }),
        401,
      );
      return;
    }
    const clientIp = normalizePeerAddress(req.socket.remoteAddress);
    emu.model.admitCaller(auth.principal, clientIp, emu.config.enforceAccessList);
    if (body === undefined) throw tooLarge();

    fault = emu.faults.next(method, path);
    if (fault && (await applyEarlyFault(fault, entry, res, finish))) return;

    const { route, params } = emu.router.match(method, path);
    entry.operationId = route.operationId;
    const headers = emu.config.rateLimit.enabled ? takeRateLimitToken(emu, route.rateLimit, params) : {};
    const query = parseQuery(target.query);
    authorize(emu.model, auth.principal, route.access, params);
    const reply = route.handle({
      params,
      body: parseJsonBody(body),
      query,
      principal: auth.principal,
      clientIp,
      baseUrl: emu.baseUrl,
      selfUrl: new URL(`${path}${target.search ? `?${target.search}` : ""}`, emu.baseUrl),
    });
    if (method !== "GET") emu.persist();
    if (fault?.type === "dropAfterCommit") return drop(res, entry);
    await finish(
      () =>
        writeReply(res, reply, {
          pretty: query.pretty,
          envelope: query.envelope,
          headers,
          mediaType: route.version ? mediaTypeOf(route.version) : undefined,
        }),
      reply.status,
    );
  } catch (err) {
    // The client of a dropAfterCommit never hears back, whatever the outcome.
    if (fault?.type === "dropAfterCommit") return drop(res, entry);
    if (!(err instanceof AtlasDomainError))
      console.error("emulator: unexpected error:", err instanceof Error ? err.message : String(err));
    const error = toApiErrorFromUnknown(err);
    // Ratelimit-* go on 2xx answers (and with Retry-After on the 429), not on other errors.
    const headers = err instanceof RateLimited ? err.headers : {};
    await finish(() => writeApiError(res, error, { pretty: flags.pretty, envelope: false, headers }), error.error);
  }
}

/** `status`, `drop` and `latency` faults act before the request is processed; true when the request is finished. */
async function applyEarlyFault(
  fault: Fault,
  entry: RequestLogEntry,
  res: ServerResponse,
  finish: (write: () => void, status: number | null) => Promise<void>,
): Promise<boolean> {
  entry.fault = fault.type;
  if (fault.type === "drop") {
    drop(res, entry);
    return true;
  }
  if (fault.type === "latency" && (fault.delayMs ?? 0) > 0) await sleep(fault.delayMs);
  if (fault.type !== "status") return false;
  const status = fault.status ?? 500;
  const defaults = defaultFaultError(status);
  const error = toApiError(
    new AtlasDomainError(fault.errorCode ?? defaults.errorCode, fault.detail ?? defaults.detail),
    status,
  );
  const headers = fault.retryAfterSeconds !== undefined ? { "Retry-After": fault.retryAfterSeconds } : undefined;
  await finish(() => writeApiError(res, error, { pretty: false, envelope: false, headers }), status);
  return true;
}

/** Destroys the connection without an answer (the client sees a reset / "socket hang up"). */
function drop(res: ServerResponse, entry: RequestLogEntry): void {
  entry.status = null;
  res.socket?.destroy();
  res.destroy();
}

/**
 * Takes one token for the operation. Success → the `Ratelimit-Limit` / `Ratelimit-Remaining`
 * headers to send; empty bucket → 429 RATE_LIMITED_TOKEN_BUCKET worded as live Atlas words it.
 */
function takeRateLimitToken(
  emu: Emulator,
  kind: Parameters<typeof bucketFor>[0],
  params: Record<string, string>,
): Record<string, number> {
  const spec = bucketFor(kind, params, emu.config.rateLimit);
  const taken = emu.buckets.take(spec);
  const headers: Record<string, number> = { "Ratelimit-Limit": taken.limit, "Ratelimit-Remaining": taken.remaining };
  if (taken.allowed) return headers;
  const perMinute = refillPerMinute(spec.refillPerSecond);
  const retry = taken.retryAfterSeconds;
  throw new RateLimited(
    `Rate limit exceeded for ${spec.label}. Please retry after ${retry} seconds. Request capacity: ${spec.capacity}. Refill rate: ${perMinute} per 60 seconds.`,
    [spec.label, retry, spec.capacity, perMinute, 60],
    { ...headers, "Retry-After": retry },
  );
}

/** The 429 domain error, carrying the headers that must go with it. */
class RateLimited extends AtlasDomainError {
  constructor(
    detail: string,
    parameters: unknown[],
    readonly headers: Record<string, number>,
  ) {
    super("RATE_LIMITED_TOKEN_BUCKET", detail, parameters);
  }
}

/** 413 for a body over the 1 MiB limit (code: emulator choice; Atlas's is not published). */
function tooLarge(): AtlasDomainError {
  return new AtlasDomainError("PAYLOAD_TOO_LARGE", "The request body is larger than the 1 MiB limit.", [1024 * 1024]);
}

function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AtlasDomainError("MALFORMED_JSON", "Received JSON is malformed.");
  }
}
