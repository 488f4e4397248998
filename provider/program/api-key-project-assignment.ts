import * as pulumi from "@pulumi/pulumi";
import { warnAboutUnknownRoles } from "./warnings";
import { resourceClass } from "./resource-class";

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
 * Resource id: `projectId/apiKeyId`; `ApiKeyProjectAssignment.get` reads an
 * existing assignment without managing it.
 */
export class ApiKeyProjectAssignment extends resourceClass<ApiKeyProjectAssignmentArgs, ApiKeyProjectAssignmentState>({
  kind: "apiKeyProjectAssignment",
  type: "ApiKeyProjectAssignment",
  registered: (resource, args) => warnAboutUnknownRoles(args?.roles, resource),
}) {
  /** Project id. */
  declare readonly projectId: pulumi.Output<string>;
  /** Key id. */
  declare readonly apiKeyId: pulumi.Output<string>;
  /** Project roles as Atlas holds them, sorted. */
  declare readonly roles: pulumi.Output<string[]>;
}
