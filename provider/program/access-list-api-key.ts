import * as pulumi from "@pulumi/pulumi";
import { resourceClass } from "./resource-class";

/** Arguments of {@link AccessListApiKey}: exactly one of `ipAddress` or `cidrBlock`. Names match `mongodbatlas.AccessListApiKey`. */
export interface AccessListApiKeyArgs {
  /** Organization id (24-hex). */
  orgId: pulumi.Input<string>;
  /** Id (24-hex) of the key, not its public key. */
  apiKeyId: pulumi.Input<string>;
  /** A single address, e.g. `203.0.113.7` (`203.0.113.7/32` means the same). */
  ipAddress?: pulumi.Input<string>;
  /** A network, e.g. `203.0.113.0/24` (the network address, no host bits). */
  cidrBlock?: pulumi.Input<string>;
}

/** Known properties of an {@link AccessListApiKey}. Names match `mongodbatlas.AccessListApiKeyState`. */
export interface AccessListApiKeyState {
  /** Key id. */
  apiKeyId?: pulumi.Input<string | undefined>;
  /** The entry as a CIDR block. */
  cidrBlock?: pulumi.Input<string | undefined>;
  /** The address of a single-address entry. */
  ipAddress?: pulumi.Input<string | undefined>;
  /** Organization id. */
  orgId?: pulumi.Input<string | undefined>;
}

/**
 * One entry of an organization key's API access list. Every input is identity:
 * a change replaces the entry (the new one is added first). An entry that
 * already exists is adopted. Resource id: `orgId/apiKeyId/entry`; `AccessListApiKey.get`
 * reads an existing entry without managing it.
 */
export class AccessListApiKey extends resourceClass<AccessListApiKeyArgs, AccessListApiKeyState>({
  kind: "accessListApiKey",
  type: "AccessListApiKey",
  // Both are inputs, and outputs too: the one not given is filled by the provider.
  inputs: (args) => ({ ipAddress: undefined, cidrBlock: undefined, ...args }),
}) {
  /** Organization id. */
  declare readonly orgId: pulumi.Output<string>;
  /** Key id. */
  declare readonly apiKeyId: pulumi.Output<string>;
  /**
   * The address, for a single-address entry; not set for a CIDR-block entry
   * (typed `Output<string>` as in `@pulumi/mongodbatlas`).
   */
  declare readonly ipAddress: pulumi.Output<string>;
  /** The entry as a CIDR block (a single address as `/32`), as Atlas reports it. */
  declare readonly cidrBlock: pulumi.Output<string>;
}
