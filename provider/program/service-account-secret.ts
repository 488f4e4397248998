import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "../runtime/serializable";
import { secretOutputs, warnAboutCredentials } from "./warnings";

const provider = serializableProvider("serviceAccountSecret");

/** Arguments of {@link ServiceAccountSecret}. Names match `mongodbatlas.ServiceAccountSecret`. */
export interface ServiceAccountSecretArgs {
  /** Organization id (24-hex). Changing it replaces the secret. */
  orgId: pulumi.Input<string>;
  /** Client id of the account (`mdb_sa_id_…`). Changing it replaces the secret. */
  clientId: pulumi.Input<string>;
  /**
   * Lifetime in hours: 8 to 8760 (your organization may set a lower maximum).
   * Changing it replaces the secret: the new one is made before the old one is deleted.
   */
  secretExpiresAfterHours: pulumi.Input<number>;
}

/**
 * A secret of a service account. Atlas shows it once, at creation; it is kept
 * as a Pulumi secret from then on. Atlas keeps at most 2 secrets per account,
 * and making one cuts the others to at most 7 days: the resource checks the
 * limit before asking. Resource id: `orgId/clientId/secretId`.
 */
export class ServiceAccountSecret extends pulumi.dynamic.Resource {
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

  constructor(name: string, args: ServiceAccountSecretArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentials();
    const props = { ...args, secretId: undefined, secret: undefined, createdAt: undefined, expiresAt: undefined };
    super(provider, name, props, secretOutputs(opts, ["secret"]), "mongodbatlas", "ServiceAccountSecret");
  }

  /** Reads an existing secret without managing it. `id` is `orgId/clientId/secretId`; `secret` is "". */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ServiceAccountSecret {
    return new ServiceAccountSecret(name, {} as ServiceAccountSecretArgs, { ...opts, id });
  }
}
