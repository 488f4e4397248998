import * as pulumi from "@pulumi/pulumi";

import { resourceClass } from "./resource-class";
import type { ServiceAccountSecretInfo } from "../shared/service-accounts";

/** Arguments of {@link ServiceAccount}. Names match `mongodbatlas.ServiceAccount` of `@pulumi/mongodbatlas`. */
export interface ServiceAccountArgs {
  /** Organization the account belongs to (24-hex id). Changing it replaces the account. */
  orgId: pulumi.Input<string>;
  /**
   * Name, 1 to 64 letters, digits, spaces and `- _ . , '`; need not be unique.
   * Defaults to the resource's name (checked, never suffixed). Updated in place.
   */
  name?: pulumi.Input<string>;
  /** Description, 1 to 250 characters of the same set. Updated in place. */
  description: pulumi.Input<string>;
  /** Organization roles, e.g. `["ORG_READ_ONLY"]`; a set, updated in place. */
  roles: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Lifetime of the first secret, made with the account, in hours: 8 to 8760
   * (your organization may set a lower maximum). Changing it replaces the
   * account. Omit it with `withoutInitialSecret` or `adoptClientId`.
   */
  secretExpiresAfterHours?: pulumi.Input<number>;
  /**
   * Create the account with no secret (Terraform's `without_initial_secret`),
   * so that every secret is a {@link ServiceAccountSecret} that can be rotated
   * on its own. Changing it replaces the account.
   */
  withoutInitialSecret?: pulumi.Input<boolean>;
  /**
   * Client id of an existing account to take over instead of creating one (what
   * import would do; dynamic providers cannot be imported). Its name,
   * description and roles are brought to the values declared here; its secrets
   * stay, unknown to Pulumi.
   */
  adoptClientId?: pulumi.Input<string>;
}

/** Known properties of a {@link ServiceAccount}, for {@link ServiceAccount.get}. Names match `mongodbatlas.ServiceAccountState`. */
export interface ServiceAccountState {
  /** Organization id. */
  orgId?: pulumi.Input<string | undefined>;
  /** Client id. */
  clientId?: pulumi.Input<string | undefined>;
  /** Name. */
  name?: pulumi.Input<string | undefined>;
  /** Description. */
  description?: pulumi.Input<string | undefined>;
  /** Organization roles. */
  roles?: pulumi.Input<pulumi.Input<string>[] | undefined>;
  /** Lifetime in hours of the first secret. */
  secretExpiresAfterHours?: pulumi.Input<number | undefined>;
  /** ISO 8601, UTC. */
  createdAt?: pulumi.Input<string | undefined>;
}

export type { ServiceAccountSecretInfo } from "../shared/service-accounts";

/**
 * A MongoDB Atlas organization service account (OAuth 2.0 client credentials,
 * `/api/atlas/v2/orgs/{orgId}/serviceAccounts`). When it creates a first
 * secret, Atlas shows it once: it is kept in `secrets` (a Pulumi secret as a
 * whole). Resource id: `orgId/clientId`. `ServiceAccount.get` reads an existing
 * account without managing it; no clear secret is known then.
 */
export class ServiceAccount extends resourceClass<ServiceAccountArgs, ServiceAccountState>({
  kind: "serviceAccount",
  type: "ServiceAccount",
  // The name defaults to the resource's name, except when reading an existing account.
  inputs: (args, name, opts) => ({ ...args, name: args?.name ?? (opts?.id ? undefined : name) }),
  outputs: ["clientId", "createdAt", "secrets"],
  secretOutputs: ["secrets"],
}) {
  /** Organization id. */
  declare readonly orgId: pulumi.Output<string>;
  /** Name as Atlas holds it. */
  declare readonly name: pulumi.Output<string>;
  /** Description as Atlas holds it. */
  declare readonly description: pulumi.Output<string>;
  /** Organization roles as Atlas holds them, sorted. */
  declare readonly roles: pulumi.Output<string[]>;
  /** Lifetime in hours asked for the first secret, if one was made. */
  declare readonly secretExpiresAfterHours: pulumi.Output<number | undefined>;
  /** True when the account was created with no secret. */
  declare readonly withoutInitialSecret: pulumi.Output<boolean | undefined>;
  /** The adopted account's client id, when adopted. */
  declare readonly adoptClientId: pulumi.Output<string | undefined>;
  /** Client id, `mdb_sa_id_` and 24 hex digits: the OAuth client id. */
  declare readonly clientId: pulumi.Output<string>;
  /** ISO 8601, UTC. */
  declare readonly createdAt: pulumi.Output<string>;
  /** The account's secrets, oldest first (always a Pulumi secret: the first one holds its clear value). */
  declare readonly secrets: pulumi.Output<ServiceAccountSecretInfo[]>;
}
