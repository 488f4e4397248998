import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What an {@link AccessListApiKey} holds: each is an output of the class and
 * may be given to {@link AccessListApiKey.get}. Names match `mongodbatlas.AccessListApiKey`.
 */
export interface AccessListApiKeyProperties {
  /** Organization id (24-hex). */
  orgId: string;
  /** Id (24-hex) of the key, not its public key. */
  apiKeyId: string;
  /**
   * A single address, e.g. `203.0.113.7` (`203.0.113.7/32` means the same).
   * As an output, not set for a CIDR-block entry (typed `Output<string>` as in
   * `@pulumi/mongodbatlas`).
   */
  ipAddress: string;
  /**
   * A network, e.g. `203.0.113.0/24` (the network address, no host bits). As an
   * output, the entry as a CIDR block (a single address as `/32`), as Atlas reports it.
   */
  cidrBlock: string;
}

/** Arguments of {@link AccessListApiKey}: the key, and exactly one of `ipAddress` or `cidrBlock`. */
export interface AccessListApiKeyArgs extends ArgsOf<
  AccessListApiKeyProperties,
  "orgId" | "apiKeyId",
  "ipAddress" | "cidrBlock"
> {}

/** Known properties of an {@link AccessListApiKey}, for {@link AccessListApiKey.get}. Names match `mongodbatlas.AccessListApiKeyState`. */
export type AccessListApiKeyState = StateOf<AccessListApiKeyProperties>;

/**
 * One entry of an organization key's API access list. Every input is identity:
 * a change replaces the entry (the new one is added first). An entry that
 * already exists is adopted. Resource id: `orgId/apiKeyId/entry`; `AccessListApiKey.get`
 * reads an existing entry without managing it.
 */
export class AccessListApiKey extends resourceClass<AccessListApiKeyArgs, AccessListApiKeyProperties>({
  kind: "accessListApiKey",
  type: "AccessListApiKey",
  // Both are inputs, and outputs too: the one not given is filled by the provider.
  inputs: (args) => ({ ipAddress: undefined, cidrBlock: undefined, ...args }),
}) {}
