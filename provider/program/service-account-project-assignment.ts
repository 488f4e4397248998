import { warnAboutUnknownRoles } from "./warnings";

import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What a {@link ServiceAccountProjectAssignment} holds: each is an output of the
 * class and may be given to its `get`. Names match `mongodbatlas.ServiceAccountProjectAssignment`.
 */
export interface ServiceAccountProjectAssignmentProperties {
  /** Project id (24-hex). Changing it replaces the assignment. */
  projectId: string;
  /** Client id of an organization service account (`mdb_sa_id_…`). Changing it replaces the assignment. */
  clientId: string;
  /** Project roles, e.g. `["GROUP_READ_ONLY"]`; a set (outputs hold it sorted), updated in place. */
  roles: string[];
}

/** Arguments of {@link ServiceAccountProjectAssignment}: all its properties. */
export interface ServiceAccountProjectAssignmentArgs extends ArgsOf<
  ServiceAccountProjectAssignmentProperties,
  "projectId" | "clientId" | "roles"
> {}

/** Known properties of a {@link ServiceAccountProjectAssignment}, for its `get`. Names match `mongodbatlas.ServiceAccountProjectAssignmentState`. */
export type ServiceAccountProjectAssignmentState = StateOf<ServiceAccountProjectAssignmentProperties>;

/**
 * Gives an organization service account access to a project. Destroy
 * unassigns only: the account and its secrets stay. An assignment that already
 * exists is adopted; one removed outside Pulumi is dropped by refresh.
 * Resource id: `projectId/clientId`; `ServiceAccountProjectAssignment.get`
 * reads an existing assignment without managing it.
 */
export class ServiceAccountProjectAssignment extends resourceClass<
  ServiceAccountProjectAssignmentArgs,
  ServiceAccountProjectAssignmentProperties
>({
  kind: "serviceAccountProjectAssignment",
  type: "ServiceAccountProjectAssignment",
  registered: (resource, args) => warnAboutUnknownRoles(args?.roles, resource),
}) {}
