/**
 * The digest auth layer for programmatic API keys. Atlas's own Go transport
 * asks for a fresh challenge on every request (two HTTP requests per call);
 * this session keeps the last nonce and reuses it with an increasing nonce
 * count (RFC 7616 section 3.4), so the steady state is one HTTP request per
 * call. Whether Atlas accepts reuse is not documented, hence the fallbacks:
 * a 401 is answered once with the challenge it carries, and a server that
 * keeps refusing reused nonces switches the session to a challenge per call.
 */
import { randomBytes } from "crypto";
import { AtlasApiError, ClientErrorCode } from "./errors";
import { buildDigestAuthorization, hasDigestChallenge, selectDigestChallenge, type DigestChallenge } from "./digest";
import type { OutgoingRequest, RetryingSender, RetryResult } from "./retrying-sender";
import type { StatsCounters } from "./stats";

/** Username (public key) and password (private key). */
export interface DigestCredentials {
  username: string;
  password: string;
}

/** One nonce and the count of its last use. */
class NonceState {
  private count: number;
  /** Set once a use with nc > 1 succeeded: proof the server accepts reuse. */
  reuseAccepted: boolean;
  constructor(readonly challenge: DigestChallenge) {
    this.count = 0;
    this.reuseAccepted = false;
  }
  /** Next nonce count; strictly increasing in the order requests are signed. */
  next(): number {
    return ++this.count;
  }
}

/** After this many 401s in a row on reused nonces, stop reusing. */
const REUSE_FAILURES_BEFORE_FALLBACK = 2;

/** Digest authentication over a {@link RetryingSender}, shared by all calls of a client. */
export class DigestSession {
  private current?: NonceState;
  /** Resolves when the probe in flight has brought a challenge (or failed). */
  private probing?: Promise<void>;
  private reuseFailures: number;
  private challengeEveryRequest: boolean;

  constructor(
    private readonly sender: RetryingSender,
    private readonly credentials: () => DigestCredentials,
    private readonly stats: StatsCounters,
    private readonly log?: (line: string) => void,
    private readonly newCnonce: () => string = () => randomBytes(16).toString("hex"),
  ) {
    this.reuseFailures = 0;
    this.challengeEveryRequest = false;
  }

  /** Sends `request` with digest credentials; returns the final response whatever its status. */
  async send(request: OutgoingRequest): Promise<RetryResult> {
    while (!this.challengeEveryRequest && !this.current) {
      if (this.probing) {
        // Another call is fetching the first challenge: wait instead of adding a parallel 401.
        await this.probing;
        continue;
      }
      return this.probeThenSend(request, true);
    }
    if (this.challengeEveryRequest) return this.probeThenSend(request, false);
    return this.sendSigned(request, this.current as NonceState, true, false);
  }

  /** Sends the request as-is (no credentials) to get a challenge, then signed. */
  private async probeThenSend(request: OutgoingRequest, shared: boolean): Promise<RetryResult> {
    let release = () => {};
    if (shared) this.probing = new Promise<void>((resolve) => (release = resolve));
    let state: NonceState | undefined;
    let probe: RetryResult;
    try {
      probe = await this.sender.send(request);
      state = this.takeChallenge(probe, request, shared);
    } finally {
      if (shared) {
        this.probing = undefined;
        release();
      }
    }
    // No challenge: the server answered without asking for credentials.
    if (!state) return probe;
    return this.sendSigned(request, state, true, true);
  }

  /**
   * Sends `request` signed with `state`'s nonce. A 401 carrying a challenge is
   * answered once with that challenge when `mayRechallenge` is set, except
   * when the nonce came fresh from the server for this very call and is not
   * stale: then the credentials are wrong and asking again would only repeat it.
   */
  private async sendSigned(
    request: OutgoingRequest,
    state: NonceState,
    mayRechallenge: boolean,
    freshNonce: boolean,
  ): Promise<RetryResult> {
    let nc = 0;
    const result = await this.sender.send(request, () => {
      nc = state.next();
      return { Authorization: this.authorization(request, state.challenge, nc) };
    });
    const reused = nc > 1;
    if (result.response.status !== 401) {
      if (reused) {
        state.reuseAccepted = true;
        this.reuseFailures = 0;
      }
      return result;
    }
    if (isAuthorizationDecision(result)) return result;
    if (reused && !state.reuseAccepted) this.noteReuseRefused();
    const next = this.takeChallenge(result, request, !this.challengeEveryRequest);
    if (!next || !mayRechallenge || (freshNonce && !reused && !next.challenge.stale)) return result;
    return this.sendSigned(request, next, false, false);
  }

  /** Records the challenge of a 401, if any; it becomes the nonce of the next calls when `share` is set. */
  private takeChallenge(result: RetryResult, request: OutgoingRequest, share: boolean): NonceState | undefined {
    if (result.response.status !== 401) return undefined;
    const header = result.response.headers["www-authenticate"];
    const challenge = selectDigestChallenge(header);
    if (!challenge) {
      if (!hasDigestChallenge(header)) return undefined;
      throw new AtlasApiError({
        status: 401,
        errorCode: ClientErrorCode.unsupportedAuth,
        detail: "The server asked for a digest algorithm or qop this client does not support.",
        method: request.method,
        path: request.target,
        attempts: result.attempts,
      });
    }
    this.stats.challenges++;
    if (!share) return new NonceState(challenge);
    if (this.current?.challenge.nonce !== challenge.nonce) this.current = new NonceState(challenge);
    return this.current;
  }

  private noteReuseRefused(): void {
    this.reuseFailures++;
    if (this.reuseFailures >= REUSE_FAILURES_BEFORE_FALLBACK && !this.challengeEveryRequest) {
      this.challengeEveryRequest = true;
      this.current = undefined;
      this.log?.("digest: the server refuses reused nonces; asking for a challenge on every request");
    }
  }

  private authorization(request: OutgoingRequest, challenge: DigestChallenge, nc: number): string {
    const { username, password } = this.credentials();
    return buildDigestAuthorization(challenge, {
      username,
      password,
      method: request.method,
      uri: request.target,
      nc,
      cnonce: this.newCnonce(),
    });
  }
}

/** Error codes of a 401 that only says "authentication failed"; any other code is a decision about rights. */
const GENERIC_401_CODES = ["UNEXPECTED_ERROR", "UNAUTHORIZED", "NOT_AUTHORIZED", "INVALID_CREDENTIALS"];

/**
 * True for a 401 that Atlas gives after authenticating the caller (e.g.
 * `API_KEY_ACCESS_LIST_ACCESS_DENIED`): a new nonce would not change it, and
 * it says nothing about nonce reuse.
 */
function isAuthorizationDecision(result: RetryResult): boolean {
  try {
    const body = JSON.parse(result.response.body) as { errorCode?: unknown };
    return typeof body.errorCode === "string" && !GENERIC_401_CODES.includes(body.errorCode);
  } catch {
    return false;
  }
}
