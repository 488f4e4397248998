import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "../runtime/serializable";
import { warnAboutUnknownRoles } from "./warnings";
import { getArguments, resourceInputs } from "./resource-inputs";
import { brand, isKind } from "./brand";

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

/** Known properties of an {@link ApiKeyProjectAssignment}. Names match `mongodbatlas.ApiKeyProjectAssignmentState`. */
export interface ApiKeyProjectAssignmentState {
  /** Key id. */
  apiKeyId?: pulumi.Input<string | undefined>;
  /** Project id. */
  projectId?: pulumi.Input<string | undefined>;
  /** Project roles. */
  roles?: pulumi.Input<pulumi.Input<string>[] | undefined>;
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
    const inputs = resourceInputs({ ...args }, opts);
    super(provider, name, inputs.props, inputs.opts, "mongodbatlas", "ApiKeyProjectAssignment");
    brand(this, "ApiKeyProjectAssignment");
    warnAboutUnknownRoles(args?.roles, this);
  }

  /** Reads an existing assignment without managing it. `id` is `projectId/apiKeyId`. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: ApiKeyProjectAssignmentState,
    opts?: pulumi.CustomResourceOptions,
  ): ApiKeyProjectAssignment {
    const read = getArguments<ApiKeyProjectAssignmentState>(state, opts);
    return new ApiKeyProjectAssignment(name, read.state as ApiKeyProjectAssignmentArgs, { ...read.opts, id });
  }

  /** True only for instances of this class (the inherited check is true for any custom resource). */
  static override isInstance(obj: unknown): obj is ApiKeyProjectAssignment {
    return obj instanceof ApiKeyProjectAssignment || isKind(obj, "ApiKeyProjectAssignment");
  }
}
