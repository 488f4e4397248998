import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";
import type { ServiceAccountSecretInfo } from "../shared/service-accounts";

/**
 * What a {@link ServiceAccount} holds: each is an output of the class and may be
 * given to {@link ServiceAccount.get}. Names match `mongodbatlas.ServiceAccount`
 * of `@pulumi/mongodbatlas`.
 */
export interface ServiceAccountProperties {
  /** Organization the account belongs to (24-hex id). Changing it replaces the account. */
  orgId: string;
  /**
   * Name, 1 to 64 letters, digits, spaces and `- _ . , '`; need not be unique.
   * Defaults to the resource's name (checked, never suffixed). Updated in place.
   */
  name: string;
  /** Description, 1 to 250 characters of the same set. Updated in place. */
  description: string;
  /** Organization roles, e.g. `["ORG_READ_ONLY"]`; a set (outputs hold it sorted), updated in place. */
  roles: string[];
  /**
   * Lifetime of the first secret, made with the account, in hours: 8 to 8760
   * (your organization may set a lower maximum). Changing it replaces the
   * account. Omit it with `withoutInitialSecret` or `adoptClientId`.
   */
  secretExpiresAfterHours: number | undefined;
  /**
   * Create the account with no secret (Terraform's `without_initial_secret`),
   * so that every secret is a `ServiceAccountSecret` that can be rotated on its
   * own. Changing it replaces the account.
   */
  withoutInitialSecret: boolean | undefined;
  /**
   * Client id of an existing account to take over instead of creating one (what
   * import would do; dynamic providers cannot be imported). Its name,
   * description and roles are brought to the values declared here; its secrets
   * stay, unknown to Pulumi.
   */
  adoptClientId: string | undefined;
  /** Client id, `mdb_sa_id_` and 24 hex digits: the OAuth client id. */
  clientId: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The account's secrets, oldest first (always a Pulumi secret: the first one holds its clear value). */
  secrets: ServiceAccountSecretInfo[];
}

/** Arguments of {@link ServiceAccount}: its organization, description and roles; the rest is optional. */
export interface ServiceAccountArgs extends ArgsOf<
  ServiceAccountProperties,
  "orgId" | "description" | "roles",
  "name" | "secretExpiresAfterHours" | "withoutInitialSecret" | "adoptClientId"
> {}

/** Known properties of a {@link ServiceAccount}, for {@link ServiceAccount.get}. Names match `mongodbatlas.ServiceAccountState`. */
export type ServiceAccountState = StateOf<ServiceAccountProperties>;

export type { ServiceAccountSecretInfo } from "../shared/service-accounts";

/**
 * A MongoDB Atlas organization service account (OAuth 2.0 client credentials,
 * `/api/atlas/v2/orgs/{orgId}/serviceAccounts`). When it creates a first
 * secret, Atlas shows it once: it is kept in `secrets` (a Pulumi secret as a
 * whole). Resource id: `orgId/clientId`. `ServiceAccount.get` reads an existing
 * account without managing it; no clear secret is known then.
 */
export class ServiceAccount extends resourceClass<ServiceAccountArgs, ServiceAccountProperties>({
  kind: "serviceAccount",
  type: "ServiceAccount",
  // The name defaults to the resource's name, except when reading an existing account.
  inputs: (args, name, opts) => ({ ...args, name: args?.name ?? (opts?.id ? undefined : name) }),
  outputs: ["clientId", "createdAt", "secrets"],
  secretOutputs: ["secrets"],
}) {}
