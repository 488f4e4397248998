/**
 * What a failed exchange is reduced to: a kind, a code, a redacted message and
 * whether the request may have reached the server. Nothing else is copied out
 * of an axios error, which holds the request config and its headers.
 */
import { CONNECT_TIMEOUT_CODE } from "./agents";
import { redactText } from "./redact";

/** Why no response was received. */
export interface TransportFailure {
  kind: "refused" | "connectTimeout" | "timeout" | "reset" | "network";
  /** System error code (`ECONNRESET`, …) or `TIMEOUT`. */
  code: string;
  /** Redacted, human-readable cause. */
  message: string;
  /** False only when the request certainly never reached the server. */
  maybeSent: boolean;
}

/** Codes of failures before any byte was sent. */
const NEVER_SENT = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", CONNECT_TIMEOUT_CODE];

/** Copies only a code and a redacted message out of an axios error (which holds the request headers). */
export function describeFailure(error: unknown, timedOut: boolean, requestTimeoutMs: number): TransportFailure {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = String(e.code && e.code !== "ERR_CANCELED" ? e.code : (e.cause?.code ?? "UNKNOWN"));
  if (timedOut) {
    return {
      kind: "timeout",
      code: "TIMEOUT",
      message: `no complete response within ${requestTimeoutMs} ms`,
      maybeSent: true,
    };
  }
  const message = redactText(String(e.message ?? code)).slice(0, 300);
  if (code === CONNECT_TIMEOUT_CODE) return { kind: "connectTimeout", code, message, maybeSent: false };
  if (code === "ECONNREFUSED") return { kind: "refused", code, message, maybeSent: false };
  if (NEVER_SENT.includes(code)) return { kind: "network", code, message, maybeSent: false };
  if (code === "ECONNRESET" || code === "EPIPE" || /socket hang up/i.test(message)) {
    return { kind: "reset", code, message, maybeSent: true };
  }
  if (code === "ETIMEDOUT" || code === "ECONNABORTED") return { kind: "timeout", code, message, maybeSent: true };
  return { kind: "network", code, message, maybeSent: true };
}
