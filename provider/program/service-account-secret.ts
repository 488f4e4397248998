import * as pulumi from "@pulumi/pulumi";
import type { RotationPolicyArgs } from "./api-key";
import type * as output from "../types/output";

import { resourceClass } from "./resource-class";

/** Arguments of {@link ServiceAccountSecret}. Names match `mongodbatlas.ServiceAccountSecret`. */
export interface ServiceAccountSecretArgs {
  /** Organization id (24-hex). Changing it replaces the secret. */
  orgId: pulumi.Input<string>;
  /** Client id of the account (`mdb_sa_id_…`). Changing it replaces the secret. */
  clientId: pulumi.Input<string>;
  /**
   * Lifetime in hours: 8 to 8760 (your organization may set a lower maximum).
   * Changing it replaces the secret: the new one is made before the old one is deleted.
   * With a `rotation` policy it rotates instead, and must cover `every` + `overlap`.
   */
  secretExpiresAfterHours: pulumi.Input<number>;
  /**
   * Arbitrary values; changing one replaces the secret (new one first), or, with a
   * `rotation` policy, rotates it now with the same overlap.
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Scheduled rotation: the first `up` at or after `nextRotationAt` makes a new
   * secret and keeps this one as `previousSecret` for `overlap`, which Atlas
   * caps at 7 days (`{ every: "90d", overlap: "7d" }`). The account must hold no
   * other secret (create it with `withoutInitialSecret: true`). See docs/rotation.md.
   */
  rotation?: pulumi.Input<RotationPolicyArgs>;
}

/** Known properties of a {@link ServiceAccountSecret}. Names match `mongodbatlas.ServiceAccountSecretState`. */
export interface ServiceAccountSecretState {
  /** Organization id. */
  orgId?: pulumi.Input<string | undefined>;
  /** Client id of the account. */
  clientId?: pulumi.Input<string | undefined>;
  /** 24-hex id of the secret. */
  secretId?: pulumi.Input<string | undefined>;
  /** Lifetime in hours asked for. */
  secretExpiresAfterHours?: pulumi.Input<number | undefined>;
  /** ISO 8601, UTC. */
  createdAt?: pulumi.Input<string | undefined>;
  /** ISO 8601, UTC. */
  expiresAt?: pulumi.Input<string | undefined>;
}

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
export class ServiceAccountSecret extends resourceClass<ServiceAccountSecretArgs, ServiceAccountSecretState>({
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
}) {
  /** Organization id. */
  declare readonly orgId: pulumi.Output<string>;
  /** Client id of the account. */
  declare readonly clientId: pulumi.Output<string>;
  /** Lifetime in hours asked for. */
  declare readonly secretExpiresAfterHours: pulumi.Output<number>;
  /** 24-hex id of the secret. */
  declare readonly secretId: pulumi.Output<string>;
  /** The clear secret (always a Pulumi secret); "" when read with `get`. */
  declare readonly secret: pulumi.Output<string>;
  /** ISO 8601, UTC. */
  declare readonly createdAt: pulumi.Output<string>;
  /** ISO 8601, UTC; refresh shows it cut short when a newer secret was made. */
  declare readonly expiresAt: pulumi.Output<string>;
  /** ISO 8601, UTC, when used. */
  declare readonly lastUsedAt: pulumi.Output<string | undefined>;
  /** `mdb_sa_sk_...` and the last characters, after a refresh. */
  declare readonly maskedSecretValue: pulumi.Output<string | undefined>;
  /** Keepers, when set. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
  /** The rotation policy, when set. */
  declare readonly rotation: pulumi.Output<output.RotationPolicy | undefined>;
  /** With a policy: when the current secret became current (ISO 8601). */
  declare readonly rotatedAt: pulumi.Output<string | undefined>;
  /** With a policy: the first `up` at or after this time rotates (ISO 8601). */
  declare readonly nextRotationAt: pulumi.Output<string | undefined>;
  /** With a policy: id of the secret replaced by the last rotation, during the overlap; "" otherwise. */
  declare readonly previousSecretId: pulumi.Output<string | undefined>;
  /** With a policy: the previous clear secret (always a Pulumi secret), during the overlap; "" otherwise. */
  declare readonly previousSecret: pulumi.Output<string | undefined>;
  /**
   * With a policy: the first `up` after this time deletes the previous secret (ISO 8601):
   * `rotatedAt + overlap`, or the expiry Atlas gave it if earlier. "" outside the overlap.
   */
  declare readonly previousExpiresAt: pulumi.Output<string | undefined>;
}
