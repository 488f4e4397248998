import * as pulumi from "@pulumi/pulumi";
import type * as output from "../types/output";
import { resourceClass, type PackageResourceClass, type ResourceDefinition } from "./resource-class";

/**
 * The base of the two key classes, `ApiKey` and `ProjectApiKey`: a resource
 * class (resource-class.ts) with the outputs of scheduled rotation, which both
 * have alike, and the private keys kept as secrets.
 */

/** The outputs a rotation policy adds to `ApiKey` and `ProjectApiKey`. */
export interface KeyRotationOutputs {
  /** The rotation policy, when set. */
  readonly rotation: pulumi.Output<output.RotationPolicy | undefined>;
  /** With a policy: when the current key became current (ISO 8601). */
  readonly rotatedAt: pulumi.Output<string | undefined>;
  /** With a policy: the first `up` at or after this time (ISO 8601) rotates the key. */
  readonly nextRotationAt: pulumi.Output<string | undefined>;
  /** With a policy: id of the key replaced by the last rotation, during the overlap; "" otherwise. */
  readonly previousApiKeyId: pulumi.Output<string | undefined>;
  /** With a policy: public key of the previous key during the overlap; "" otherwise. */
  readonly previousPublicKey: pulumi.Output<string | undefined>;
  /** With a policy: private key of the previous key during the overlap (always a secret); "" otherwise. */
  readonly previousPrivateKey: pulumi.Output<string | undefined>;
  /** With a policy: the first `up` at or after this time (ISO 8601) deletes the previous key; "" outside the overlap. */
  readonly previousExpiresAt: pulumi.Output<string | undefined>;
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

/** The adoption argument both key classes take. */
interface AdoptionArgs {
  adoptPrivateKey?: pulumi.Input<string>;
}

/** The base class of a key resource class: {@link resourceClass} with the rotation outputs. */
export function keyResourceClass<Args extends AdoptionArgs, State extends object>(
  definition: ResourceDefinition<Args>,
): PackageResourceClass<Args, State, KeyRotationOutputs> {
  return resourceClass<Args, State, KeyRotationOutputs>({
    ...definition,
    inputs: (args, name, opts) => ({
      ...(definition.inputs ? definition.inputs(args, name, opts) : args),
      adoptPrivateKey: args?.adoptPrivateKey === undefined ? undefined : pulumi.secret(args.adoptPrivateKey),
    }),
    outputs: [...(definition.outputs ?? []), ...ROTATION_OUTPUTS],
    secretOutputs: KEY_SECRET_OUTPUTS,
  });
}
