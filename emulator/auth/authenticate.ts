import type { IncomingMessage } from "node:http";
import type { AtlasModel } from "../model/model";
import type { Principal } from "./authorize";
import type { DigestAuthority } from "./digest";

/** How a request tried to authenticate; the request log records only this, never the header. */
export type AuthScheme = "digest" | "bearer" | "basic" | "none" | "other";

/** Outcome of {@link authenticate}. */
export interface Authentication {
  scheme: AuthScheme;
  /** Set when the credentials were accepted. */
  principal?: Principal;
  /** For a rejected digest response whose nonce had expired: answer with `stale=true`. */
  stale?: boolean;
}

/**
 * Authenticates an Admin API request the way Atlas does: HTTP Digest with the public key as user
 * name and the private key as password, or `Authorization: Bearer` with a service-account token.
 * Anything else (no header, Basic, unknown scheme) is unauthenticated and gets the digest challenge.
 */
export function authenticate(model: AtlasModel, digest: DigestAuthority, req: IncomingMessage): Authentication {
  const header = req.headers.authorization ?? "";
  const scheme = schemeOf(header);
  if (scheme === "digest") {
    const outcome = digest.verify(
      header,
      req.method ?? "GET",
      req.url ?? "/",
      (user) => model.findKeyByPublicKey(user)?.privateKey,
    );
    if (!outcome.ok) return { scheme, stale: outcome.stale };
    const key = model.findKeyByPublicKey(outcome.username);
    return key ? { scheme, principal: { kind: "apiKey", id: key.id, orgId: key.orgId } } : { scheme };
  }
  if (scheme === "bearer") {
    const sa = model.resolveToken(header.replace(/^\s*Bearer\s+/i, "").trim());
    return sa ? { scheme, principal: { kind: "serviceAccount", id: sa.clientId, orgId: sa.orgId } } : { scheme };
  }
  return { scheme };
}

/** The scheme named in an Authorization header. */
export function schemeOf(header: string): AuthScheme {
  const word = /^\s*(\S+)/.exec(header)?.[1]?.toLowerCase();
  if (!word) return "none";
  if (word === "digest" || word === "bearer" || word === "basic") return word;
  return "other";
}
