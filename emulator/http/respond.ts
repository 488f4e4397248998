import type { ServerResponse } from "node:http";
import type { ApiErrorBody } from "./errors";
import { toJson } from "./json";

/** Media type of every 2xx answer, exactly as live Atlas sends it. */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json;charset=utf-8";
/** Media type of error answers (live Atlas: plain `application/json`). */
export const ERROR_MEDIA_TYPE = "application/json";

/** What a handler returns: a status and, except for 204, a body. */
export interface Reply {
  status: number;
  body?: unknown;
}

/** Per-request output options, from the `pretty` and `envelope` query parameters. */
export interface OutputOptions {
  pretty: boolean;
  envelope: boolean;
  /** Extra headers (rate-limit headers, Retry-After, ...). */
  headers?: Record<string, string | number>;
  /** Media type of a 2xx answer; default {@link ATLAS_MEDIA_TYPE}. */
  mediaType?: string;
}

/** 200 with a body. */
export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** 201 with a body (the service-account creates). */
export function created(body: unknown): Reply {
  return { status: 201, body };
}

/** Media type of a resource version, as Atlas sends it (`2024-08-05` for service accounts). */
export function mediaTypeOf(version: string): string {
  return `application/vnd.atlas.${version}+json;charset=utf-8`;
}

/** 204 without a body. */
export function noContent(): Reply {
  return { status: 204 };
}

/**
 * Writes a handler's reply. `envelope=true` follows the spec's description: list answers get a
 * `status` member added next to `results`; single objects are wrapped as `{content, status}`.
 * The HTTP status is kept (clients that cannot read it read `status`). 204 stays bodiless.
 */
export function writeReply(res: ServerResponse, reply: Reply, options: OutputOptions): void {
  if (reply.status === 204 || reply.body === undefined) {
    writeRaw(res, reply.status, options.mediaType ?? ATLAS_MEDIA_TYPE, "", options.headers);
    return;
  }
  const body = options.envelope ? envelope(reply.body, reply.status) : reply.body;
  writeRaw(res, reply.status, options.mediaType ?? ATLAS_MEDIA_TYPE, toJson(body, options.pretty), options.headers);
}

/** Writes an Atlas error body, with the `X-Error-Code` header live Atlas adds. */
export function writeApiError(res: ServerResponse, error: ApiErrorBody, options: OutputOptions): void {
  const headers = { ...options.headers, "X-Error-Code": error.errorCode };
  writeRaw(res, error.error, ERROR_MEDIA_TYPE, toJson(error, options.pretty), headers);
}

/** Writes a complete response unless the socket is already gone. */
export function writeRaw(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string | number> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const payload = Buffer.from(text, "utf8");
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, String(value));
  res.setHeader("Content-Type", contentType);
  if (status !== 204) res.setHeader("Content-Length", payload.length);
  res.end(status === 204 ? undefined : payload);
}

function envelope(body: unknown, status: number): unknown {
  const isList = body !== null && typeof body === "object" && Array.isArray((body as { results?: unknown }).results);
  return isList ? { ...(body as object), status } : { content: body, status };
}
