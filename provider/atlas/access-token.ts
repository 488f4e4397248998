/**
 * The bearer auth layer for an access token the user obtained elsewhere
 * (`mongodbatlas:accessToken`, as the Terraform provider's `access_token`).
 * The token is sent as given; nothing here can renew it, so a 401 is returned
 * to the caller as it is (an expired token fails with Atlas's own error).
 */
import type { OutgoingRequest, RetryingSender, RetryResult } from "./retrying-sender";

/** Bearer authentication with a fixed token. */
export class AccessTokenAuth {
  constructor(
    private readonly sender: RetryingSender,
    /** Held in a closure, not a field, so that no dump of the client shows the token. */
    private readonly token: () => string,
  ) {}

  send(request: OutgoingRequest): Promise<RetryResult> {
    return this.sender.send(request, () => ({ Authorization: `Bearer ${this.token()}` }));
  }
}
