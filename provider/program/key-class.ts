import * as pulumi from "@pulumi/pulumi";
import type * as input from "../types/input";
import type * as output from "../types/output";
import { resourceClass, type PackageResourceClass, type ResourceDefinition } from "./resource-class";
import type { ArgsOf } from "./resource-properties";

/**
 * The base of the two key classes, `ApiKey` and `ProjectApiKey`: a resource
 * class (resource-class.ts) with the arguments and properties both have alike
 * (the key's credentials, access list, keepers, adoption and scheduled
 * rotation), and the private keys kept as secrets.
 */

/** A rotation policy: `{ every: "90d", overlap: "7d" }` (units d, h, m, s); also `types.input.RotationPolicy`. */
export type RotationPolicyArgs = input.RotationPolicy;

/** The properties `ApiKey` and `ProjectApiKey` both hold: the key's credentials, its options and its rotation. */
export interface KeyProperties {
  /** 24-hex id of the key (with a rotation policy, the current key). */
  apiKeyId: string;
  /** Public key: the 8-letter username for HTTP digest authentication. */
  publicKey: string;
  /**
   * Private key (always a secret). Known only for keys this resource created,
   * or adopted with `adoptPrivateKey`; "" otherwise (a key read with `get`).
   */
  privateKey: string;
  /**
   * IP addresses and CIDR blocks allowed to use the key, managed as a set
   * (outputs hold a single address without `/32`). Omit it to leave the key's
   * access list alone; `[]` empties it.
   */
  accessList: string[] | undefined;
  /**
   * Arbitrary strings; changing any of them replaces the key, creating the new
   * one before deleting the old in the same `up`. With a `rotation` policy, a
   * change rotates the key instead, keeping the old one for the overlap.
   */
  keepers: Record<string, string> | undefined;
  /**
   * Id of an existing key to take over instead of creating one (what import
   * would do; dynamic providers cannot be imported). Its description, roles or
   * projects, and access list are then brought to the values declared here.
   */
  adoptApiKeyId: string | undefined;
  /**
   * Scheduled rotation: the first `up` at or after `nextRotationAt` makes a new
   * key with the same description, roles or projects, and access list, and keeps
   * the old one working for `overlap` (as `previousPrivateKey`). Durations are
   * whole days, hours, minutes or seconds: `{ every: "90d", overlap: "7d" }`; the
   * overlap is shorter than the period. See docs/rotation.md.
   */
  rotation: output.RotationPolicy | undefined;
  /** With a policy: when the current key became current (ISO 8601). */
  rotatedAt: string | undefined;
  /** With a policy: the first `up` at or after this time (ISO 8601) rotates the key. */
  nextRotationAt: string | undefined;
  /** With a policy: id of the key replaced by the last rotation, during the overlap; "" otherwise. */
  previousApiKeyId: string | undefined;
  /** With a policy: public key of the previous key during the overlap; "" otherwise. */
  previousPublicKey: string | undefined;
  /** With a policy: private key of the previous key during the overlap (always a secret); "" otherwise. */
  previousPrivateKey: string | undefined;
  /** With a policy: the first `up` at or after this time (ISO 8601) deletes the previous key; "" outside the overlap. */
  previousExpiresAt: string | undefined;
}

/** The arguments `ApiKey` and `ProjectApiKey` both take, after what the key is for. */
export interface KeyOptionArgs extends ArgsOf<
  KeyProperties,
  never,
  "accessList" | "keepers" | "adoptApiKeyId" | "rotation"
> {
  /** The private key of the adopted key, if you have it; stored only as a secret. */
  adoptPrivateKey?: pulumi.Input<string>;
}

/** Output-only properties a rotation policy adds (`rotation` is an input too). */
const ROTATION_OUTPUTS = [
  "rotatedAt",
  "nextRotationAt",
  "previousApiKeyId",
  "previousPublicKey",
  "previousPrivateKey",
  "previousExpiresAt",
];

/** Outputs of the key resources that hold a private key: always secrets. */
const KEY_SECRET_OUTPUTS = ["privateKey", "previousPrivateKey"];

/** The base class of a key resource class: {@link resourceClass} with the rotation outputs and the secret private keys. */
export function keyResourceClass<Args extends KeyOptionArgs, Properties extends KeyProperties>(
  definition: ResourceDefinition<Args>,
): PackageResourceClass<Args, Properties> {
  return resourceClass<Args, Properties>({
    ...definition,
    inputs: (args, name, opts) => ({
      ...(definition.inputs ? definition.inputs(args, name, opts) : args),
      adoptPrivateKey: args?.adoptPrivateKey === undefined ? undefined : pulumi.secret(args.adoptPrivateKey),
    }),
    outputs: [...(definition.outputs ?? []), ...ROTATION_OUTPUTS],
    secretOutputs: KEY_SECRET_OUTPUTS,
  });
}
