import * as pulumi from "@pulumi/pulumi";
import { warnAboutUnknownRoles } from "./warnings";

import { resourceClass } from "./resource-class";

/** Arguments of {@link ServiceAccountProjectAssignment}. Names match `mongodbatlas.ServiceAccountProjectAssignment`. */
export interface ServiceAccountProjectAssignmentArgs {
  /** Project id (24-hex). Changing it replaces the assignment. */
  projectId: pulumi.Input<string>;
  /** Client id of an organization service account (`mdb_sa_id_…`). Changing it replaces the assignment. */
  clientId: pulumi.Input<string>;
  /** Project roles, e.g. `["GROUP_READ_ONLY"]`; a set, updated in place. */
  roles: pulumi.Input<pulumi.Input<string>[]>;
}

/** Known properties of a {@link ServiceAccountProjectAssignment}. Names match `mongodbatlas.ServiceAccountProjectAssignmentState`. */
export interface ServiceAccountProjectAssignmentState {
  /** Project id. */
  projectId?: pulumi.Input<string | undefined>;
  /** Client id of the account. */
  clientId?: pulumi.Input<string | undefined>;
  /** Project roles. */
  roles?: pulumi.Input<pulumi.Input<string>[] | undefined>;
}

/**
 * Gives an organization service account access to a project. Destroy
 * unassigns only: the account and its secrets stay. An assignment that already
 * exists is adopted; one removed outside Pulumi is dropped by refresh.
 * Resource id: `projectId/clientId`; `ServiceAccountProjectAssignment.get`
 * reads an existing assignment without managing it.
 */
export class ServiceAccountProjectAssignment extends resourceClass<
  ServiceAccountProjectAssignmentArgs,
  ServiceAccountProjectAssignmentState
>({
  kind: "serviceAccountProjectAssignment",
  type: "ServiceAccountProjectAssignment",
  registered: (resource, args) => warnAboutUnknownRoles(args?.roles, resource),
}) {
  /** Project id. */
  declare readonly projectId: pulumi.Output<string>;
  /** Client id of the account. */
  declare readonly clientId: pulumi.Output<string>;
  /** Project roles as Atlas holds them, sorted. */
  declare readonly roles: pulumi.Output<string[]>;
}
