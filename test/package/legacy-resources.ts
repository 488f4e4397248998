/**
 * Stand-ins for the resources of `@pulumi/mongodbatlas` in a stack's state, for the migration
 * test. They record keys that already exist in Atlas (created with the admin client, as the old
 * provider would have) and, like the old provider, their `delete` really deletes in Atlas: the
 * key (ApiKey, ProjectApiKey), the access-list entry, or the project assignment. A migration
 * that lets the engine delete one of them loses the key, and the test sees it.
 *
 * The provider process finds the Atlas client through LEGACY_ATLAS_CLIENT_MODULE (an absolute
 * path) and the credentials through the MONGODB_ATLAS_* environment variables, so the
 * serialized provider holds neither.
 */
import * as pulumi from "@pulumi/pulumi";

/** The four resource types of `@pulumi/mongodbatlas` the guide covers. */
export type LegacyKind = "ApiKey" | "ProjectApiKey" | "ApiKeyProjectAssignment" | "AccessListApiKey";

/** What a stand-in records: the old resource's outputs that the guide reads. */
export interface LegacyProps {
  orgId?: pulumi.Input<string>;
  projectId?: pulumi.Input<string>;
  apiKeyId: pulumi.Input<string>;
  publicKey?: pulumi.Input<string>;
  privateKey?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  cidrBlock?: pulumi.Input<string>;
  roles?: pulumi.Input<pulumi.Input<string>[]>;
}

// Self-contained: nothing captured but `require` and `process`.
const legacyProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const id = [inputs.kind, inputs.orgId ?? inputs.projectId, inputs.apiKeyId, inputs.cidrBlock]
      .filter(Boolean)
      .join("-");
    return { id, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: olds.apiKeyId !== news.apiKeyId || olds.kind !== news.kind };
  },
  async read(id, props) {
    return { id, props };
  },
  async delete(_id, props) {
    const env = process.env;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved in the provider process
    const { AtlasClient } = require(env.LEGACY_ATLAS_CLIENT_MODULE!);
    const client = new AtlasClient({
      baseUrl: env.MONGODB_ATLAS_BASE_URL,
      credentials: {
        type: "apiKey",
        publicKey: env.MONGODB_ATLAS_PUBLIC_KEY,
        privateKey: env.MONGODB_ATLAS_PRIVATE_KEY,
      },
    });
    try {
      if (props.kind === "ApiKey" || props.kind === "ProjectApiKey") {
        await client.deleteOrgApiKey(props.orgId, props.apiKeyId);
      } else if (props.kind === "AccessListApiKey") {
        await client.deleteAccessListEntry(props.orgId, props.apiKeyId, props.cidrBlock);
      } else {
        await client.unassignApiKeyFromProject(props.projectId, props.apiKeyId);
      }
    } finally {
      client.close();
    }
  },
};

/** A resource of the old provider, as the engine sees it: its delete deletes in Atlas. */
export class LegacyResource extends pulumi.dynamic.Resource {
  declare readonly apiKeyId: pulumi.Output<string>;
  declare readonly privateKey: pulumi.Output<string | undefined>;

  constructor(kind: LegacyKind, name: string, props: LegacyProps, opts?: pulumi.CustomResourceOptions) {
    super(legacyProvider, name, { kind, privateKey: undefined, ...props }, opts, "legacy", kind);
  }
}
