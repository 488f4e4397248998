import * as pulumi from "@pulumi/pulumi";
import { keyResourceClass } from "./key-class";

/** A rotation policy: `{ every: "90d", overlap: "7d" }` (units d, h, m, s). */
export interface RotationPolicyArgs {
  /** How long a key stays current, e.g. `"90d"`. */
  every: pulumi.Input<string>;
  /** How long the replaced key keeps working after a rotation, e.g. `"7d"`; shorter than `every`. */
  overlap: pulumi.Input<string>;
}

/** Arguments of {@link ApiKey}. Names match `mongodbatlas.ApiKey` of `@pulumi/mongodbatlas`. */
export interface ApiKeyArgs {
  /** Organization the key belongs to (24-hex id). Changing it replaces the key. */
  orgId: pulumi.Input<string>;
  /** Description, 1 to 250 characters. Updated in place. */
  description: pulumi.Input<string>;
  /**
   * Organization roles, e.g. `["ORG_READ_ONLY"]`. Compared as a set (order and
   * duplicates ignored); updated in place.
   */
  roleNames: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * IP addresses and CIDR blocks allowed to use the key, managed as a set.
   * Omit it to leave the key's access list alone; `[]` empties it.
   */
  accessList?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Arbitrary strings; changing any of them replaces the key, creating the new
   * one before deleting the old in the same `up`. With a `rotation` policy, a
   * change rotates the key instead, keeping the old one for the overlap.
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Scheduled rotation: the first `up` at or after `nextRotationAt` makes a new
   * key with the same description, roles and access list, and keeps the old one
   * working for `overlap` (as `previousPrivateKey`). Durations are whole days,
   * hours, minutes or seconds: `{ every: "90d", overlap: "7d" }`; the overlap is
   * shorter than the period. See docs/rotation.md.
   */
  rotation?: pulumi.Input<RotationPolicyArgs>;
  /**
   * Id of an existing key to take over instead of creating one (what import
   * would do; dynamic providers cannot be imported). Its description, roles and
   * access list are then brought to the values declared here.
   */
  adoptApiKeyId?: pulumi.Input<string>;
  /** The private key of the adopted key, if you have it; stored only as a secret. */
  adoptPrivateKey?: pulumi.Input<string>;
}

/** Known properties of an {@link ApiKey}, for {@link ApiKey.get}. Names match `mongodbatlas.ApiKeyState`. */
export interface ApiKeyState {
  /** 24-hex id of the key. */
  apiKeyId?: pulumi.Input<string | undefined>;
  /** Description. */
  description?: pulumi.Input<string | undefined>;
  /** Organization id. */
  orgId?: pulumi.Input<string | undefined>;
  /** Private key (a secret). */
  privateKey?: pulumi.Input<string | undefined>;
  /** Public key. */
  publicKey?: pulumi.Input<string | undefined>;
  /** Organization roles. */
  roleNames?: pulumi.Input<pulumi.Input<string>[] | undefined>;
  /** Access-list entries. */
  accessList?: pulumi.Input<pulumi.Input<string>[] | undefined>;
  /** Rotation keepers. */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>> | undefined>;
}

/**
 * A MongoDB Atlas organization API key (`/api/atlas/v2/orgs/{orgId}/apiKeys`).
 * The private key is returned by Atlas once, at creation, and kept only as a
 * Pulumi secret. Resource id: `orgId/apiKeyId`; with a rotation policy
 * `orgId/rotating/<id of the first key>`, which stays the same across rotations
 * (the current key is `apiKeyId`). `ApiKey.get` reads an existing key without
 * managing it; its `privateKey` is "" (Atlas never returns it again).
 */
export class ApiKey extends keyResourceClass<ApiKeyArgs, ApiKeyState>({
  kind: "apiKey",
  type: "ApiKey",
  outputs: ["apiKeyId", "publicKey", "privateKey"],
}) {
  /** Organization id. */
  declare readonly orgId: pulumi.Output<string>;
  /** Description as Atlas holds it. */
  declare readonly description: pulumi.Output<string>;
  /** Organization roles as Atlas holds them, sorted. */
  declare readonly roleNames: pulumi.Output<string[]>;
  /** Access-list entries (canonical: a single address without `/32`), when managed. */
  declare readonly accessList: pulumi.Output<string[] | undefined>;
  /** Rotation keepers. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
  /** The adopted key's id, when the key was adopted. */
  declare readonly adoptApiKeyId: pulumi.Output<string | undefined>;
  /** 24-hex id of the key. */
  declare readonly apiKeyId: pulumi.Output<string>;
  /** Public key: the 8-letter username for HTTP digest authentication. */
  declare readonly publicKey: pulumi.Output<string>;
  /**
   * Private key (always a secret). Known only for keys this resource created,
   * or adopted with `adoptPrivateKey`; "" otherwise.
   */
  declare readonly privateKey: pulumi.Output<string>;
}
