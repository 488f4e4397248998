import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What a {@link ServiceAccountAccessListEntry} holds: each is an output of the
 * class and may be given to its `get`. Names match `mongodbatlas.ServiceAccountAccessListEntry`.
 */
export interface ServiceAccountAccessListEntryProperties {
  /** Organization id (24-hex). Changing it replaces the entry. */
  orgId: string;
  /** Client id of the account (`mdb_sa_id_…`). Changing it replaces the entry. */
  clientId: string;
  /**
   * A network, e.g. `203.0.113.0/24` (a `/32` is the same as the bare address).
   * As an output, the entry as a CIDR block (a single address as /32 or /128).
   */
  cidrBlock: string;
  /** A single address, e.g. `203.0.113.7`; as an output, set for a single-address entry only. */
  ipAddress: string | undefined;
  /** ISO 8601, UTC. */
  createdAt: string | undefined;
  /** ISO 8601, UTC (Atlas updates it with up to 5 minutes of delay). */
  lastUsedAt: string | undefined;
  /** The address last seen using the account through this entry. */
  lastUsedAddress: string | undefined;
  /** Requests made through this entry. */
  requestCount: number | undefined;
}

/** Arguments of {@link ServiceAccountAccessListEntry}: the account, and exactly one of `ipAddress` and `cidrBlock`. */
export interface ServiceAccountAccessListEntryArgs extends ArgsOf<
  ServiceAccountAccessListEntryProperties,
  "orgId" | "clientId",
  "ipAddress" | "cidrBlock"
> {}

/** Known properties of a {@link ServiceAccountAccessListEntry}, for its `get`. Names match `mongodbatlas.ServiceAccountAccessListEntryState`. */
export type ServiceAccountAccessListEntryState = StateOf<ServiceAccountAccessListEntryProperties>;

/**
 * An address or CIDR block from which a service account's tokens may be used.
 * Compared in canonical form, so writing the same entry another way changes
 * nothing; an entry that already exists is adopted. Resource id:
 * `orgId/clientId/entry`; `ServiceAccountAccessListEntry.get` reads an existing
 * entry without managing it.
 */
export class ServiceAccountAccessListEntry extends resourceClass<
  ServiceAccountAccessListEntryArgs,
  ServiceAccountAccessListEntryProperties
>({
  kind: "serviceAccountAccessListEntry",
  type: "ServiceAccountAccessListEntry",
  outputs: ["createdAt", "lastUsedAt", "lastUsedAddress", "requestCount"],
}) {}
