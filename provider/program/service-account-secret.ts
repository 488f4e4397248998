import type * as output from "../types/output";

import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What a {@link ServiceAccountSecret} holds: each is an output of the class and
 * may be given to {@link ServiceAccountSecret.get}. Names match
 * `mongodbatlas.ServiceAccountSecret`.
 */
export interface ServiceAccountSecretProperties {
  /** Organization id (24-hex). Changing it replaces the secret. */
  orgId: string;
  /** Client id of the account (`mdb_sa_id_…`). Changing it replaces the secret. */
  clientId: string;
  /**
   * Lifetime in hours: 8 to 8760 (your organization may set a lower maximum).
   * Changing it replaces the secret: the new one is made before the old one is deleted.
   * With a `rotation` policy it rotates instead, and must cover `every` + `overlap`.
   */
  secretExpiresAfterHours: number;
  /**
   * Arbitrary values; changing one replaces the secret (new one first), or, with a
   * `rotation` policy, rotates it now with the same overlap.
   */
  keepers: Record<string, string> | undefined;
  /**
   * Scheduled rotation: the first `up` at or after `nextRotationAt` makes a new
   * secret and keeps this one as `previousSecret` for `overlap`, which Atlas
   * caps at 7 days (`{ every: "90d", overlap: "7d" }`). The account must hold no
   * other secret (create it with `withoutInitialSecret: true`). See docs/rotation.md.
   */
  rotation: output.RotationPolicy | undefined;
  /** 24-hex id of the secret (with a rotation policy, the current one). */
  secretId: string;
  /** The clear secret (always a Pulumi secret); "" when read with `get`. */
  secret: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC; refresh shows it cut short when a newer secret was made. */
  expiresAt: string;
  /** ISO 8601, UTC, when used. */
  lastUsedAt: string | undefined;
  /** `mdb_sa_sk_...` and the last characters, after a refresh. */
  maskedSecretValue: string | undefined;
  /** With a policy: when the current secret became current (ISO 8601). */
  rotatedAt: string | undefined;
  /** With a policy: the first `up` at or after this time rotates (ISO 8601). */
  nextRotationAt: string | undefined;
  /** With a policy: id of the secret replaced by the last rotation, during the overlap; "" otherwise. */
  previousSecretId: string | undefined;
  /** With a policy: the previous clear secret (always a Pulumi secret), during the overlap; "" otherwise. */
  previousSecret: string | undefined;
  /**
   * With a policy: the first `up` after this time deletes the previous secret (ISO 8601):
   * `rotatedAt + overlap`, or the expiry Atlas gave it if earlier. "" outside the overlap.
   */
  previousExpiresAt: string | undefined;
}

/** Arguments of {@link ServiceAccountSecret}: the account, the lifetime, and optionally keepers and a rotation policy. */
export interface ServiceAccountSecretArgs extends ArgsOf<
  ServiceAccountSecretProperties,
  "orgId" | "clientId" | "secretExpiresAfterHours",
  "keepers" | "rotation"
> {}

/** Known properties of a {@link ServiceAccountSecret}, for {@link ServiceAccountSecret.get}. Names match `mongodbatlas.ServiceAccountSecretState`. */
export type ServiceAccountSecretState = StateOf<ServiceAccountSecretProperties>;

/**
 * A secret of a service account. Atlas shows it once, at creation; it is kept
 * as a Pulumi secret from then on. Atlas keeps at most 2 secrets per account,
 * and making one cuts the others to at most 7 days: the resource checks the
 * limit before asking. Resource id: `orgId/clientId/secretId`; with a rotation
 * policy `orgId/clientId/rotating/<id of the first secret>`, which stays the same
 * across rotations (the current secret is always `secretId`).
 * `ServiceAccountSecret.get` reads an existing secret without managing it
 * (`secret` is "" then).
 */
export class ServiceAccountSecret extends resourceClass<ServiceAccountSecretArgs, ServiceAccountSecretProperties>({
  kind: "serviceAccountSecret",
  type: "ServiceAccountSecret",
  outputs: [
    "secretId",
    "secret",
    "createdAt",
    "expiresAt",
    // Output-only properties a rotation policy adds.
    "rotatedAt",
    "nextRotationAt",
    "previousSecretId",
    "previousSecret",
    "previousExpiresAt",
  ],
  secretOutputs: ["secret", "previousSecret"],
}) {}
