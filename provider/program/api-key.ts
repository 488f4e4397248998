import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "../runtime/serializable";
import { secretOutputs, warnAboutCredentials } from "./warnings";

const provider = serializableProvider("apiKey");

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
   * one before deleting the old (rotation with overlap).
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Id of an existing key to take over instead of creating one (what import
   * would do; dynamic providers cannot be imported). Its description, roles and
   * access list are then brought to the values declared here.
   */
  adoptApiKeyId?: pulumi.Input<string>;
  /** The private key of the adopted key, if you have it; stored only as a secret. */
  adoptPrivateKey?: pulumi.Input<string>;
}

/**
 * A MongoDB Atlas organization API key (`/api/atlas/v2/orgs/{orgId}/apiKeys`).
 * The private key is returned by Atlas once, at creation, and kept only as a
 * Pulumi secret. Resource id: `orgId/apiKeyId`.
 */
export class ApiKey extends pulumi.dynamic.Resource {
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

  constructor(name: string, args: ApiKeyArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentials();
    const props = {
      ...args,
      adoptPrivateKey: args?.adoptPrivateKey === undefined ? undefined : pulumi.secret(args.adoptPrivateKey),
      apiKeyId: undefined,
      publicKey: undefined,
      privateKey: undefined,
    };
    super(provider, name, props, secretOutputs(opts, ["privateKey"]), "mongodbatlas", "ApiKey");
  }

  /**
   * Reads an existing key without managing it. `id` is `orgId/apiKeyId`.
   * `privateKey` is "" (Atlas never returns it again).
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ApiKey {
    return new ApiKey(name, {} as ApiKeyArgs, { ...opts, id });
  }
}
