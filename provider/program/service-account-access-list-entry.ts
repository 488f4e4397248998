import * as pulumi from "@pulumi/pulumi";

import { resourceClass } from "./resource-class";

/** Arguments of {@link ServiceAccountAccessListEntry}: exactly one of `ipAddress` and `cidrBlock`. */
export interface ServiceAccountAccessListEntryArgs {
  /** Organization id (24-hex). Changing it replaces the entry. */
  orgId: pulumi.Input<string>;
  /** Client id of the account (`mdb_sa_id_…`). Changing it replaces the entry. */
  clientId: pulumi.Input<string>;
  /** A single address, e.g. `203.0.113.7`. */
  ipAddress?: pulumi.Input<string>;
  /** A network, e.g. `203.0.113.0/24` (a `/32` is the same as the bare address). */
  cidrBlock?: pulumi.Input<string>;
}

/** Known properties of a {@link ServiceAccountAccessListEntry}. Names match `mongodbatlas.ServiceAccountAccessListEntryState`. */
export interface ServiceAccountAccessListEntryState {
  /** Organization id. */
  orgId?: pulumi.Input<string | undefined>;
  /** Client id of the account. */
  clientId?: pulumi.Input<string | undefined>;
  /** The entry as a CIDR block. */
  cidrBlock?: pulumi.Input<string | undefined>;
  /** The address of a single-address entry. */
  ipAddress?: pulumi.Input<string | undefined>;
}

/**
 * An address or CIDR block from which a service account's tokens may be used.
 * Compared in canonical form, so writing the same entry another way changes
 * nothing; an entry that already exists is adopted. Resource id:
 * `orgId/clientId/entry`; `ServiceAccountAccessListEntry.get` reads an existing
 * entry without managing it.
 */
export class ServiceAccountAccessListEntry extends resourceClass<
  ServiceAccountAccessListEntryArgs,
  ServiceAccountAccessListEntryState
>({
  kind: "serviceAccountAccessListEntry",
  type: "ServiceAccountAccessListEntry",
  outputs: ["createdAt", "lastUsedAt", "lastUsedAddress", "requestCount"],
}) {
  /** Organization id. */
  declare readonly orgId: pulumi.Output<string>;
  /** Client id of the account. */
  declare readonly clientId: pulumi.Output<string>;
  /** The entry as a CIDR block (a single address as /32 or /128). */
  declare readonly cidrBlock: pulumi.Output<string>;
  /** The address, for a single-address entry. */
  declare readonly ipAddress: pulumi.Output<string | undefined>;
  /** ISO 8601, UTC. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** ISO 8601, UTC (Atlas updates it with up to 5 minutes of delay). */
  declare readonly lastUsedAt: pulumi.Output<string | undefined>;
  /** The address last seen using the account through this entry. */
  declare readonly lastUsedAddress: pulumi.Output<string | undefined>;
  /** Requests made through this entry. */
  declare readonly requestCount: pulumi.Output<number | undefined>;
}
