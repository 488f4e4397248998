import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "../runtime/serializable";
import { warnAboutCredentials, warnAboutUnknownRoles } from "./warnings";

const provider = serializableProvider("apiKeyProjectAssignment");

/** Arguments of {@link ApiKeyProjectAssignment}. Names match `mongodbatlas.ApiKeyProjectAssignment`. */
export interface ApiKeyProjectAssignmentArgs {
  /** Project id (24-hex). Changing it replaces the assignment. */
  projectId: pulumi.Input<string>;
  /** Id (24-hex) of an existing organization key, not its public key. Changing it replaces the assignment. */
  apiKeyId: pulumi.Input<string>;
  /** Project roles, e.g. `["GROUP_READ_ONLY"]`; compared as a set, updated in place. */
  roles: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Assigns an existing organization key to a project. Destroy unassigns only;
 * the key stays in the organization. An assignment that already exists is
 * adopted; one that vanished outside Pulumi is dropped by refresh.
 * Resource id: `projectId/apiKeyId`.
 */
export class ApiKeyProjectAssignment extends pulumi.dynamic.Resource {
  /** Project id. */
  declare readonly projectId: pulumi.Output<string>;
  /** Key id. */
  declare readonly apiKeyId: pulumi.Output<string>;
  /** Project roles as Atlas holds them, sorted. */
  declare readonly roles: pulumi.Output<string[]>;

  constructor(name: string, args: ApiKeyProjectAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentials();
    super(provider, name, { ...args }, opts, "mongodbatlas", "ApiKeyProjectAssignment");
    warnAboutUnknownRoles(args?.roles, this);
  }

  /** Reads an existing assignment without managing it. `id` is `projectId/apiKeyId`. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ApiKeyProjectAssignment {
    return new ApiKeyProjectAssignment(name, {} as ApiKeyProjectAssignmentArgs, { ...opts, id });
  }
}
