import { warnAboutUnknownRoles } from "./warnings";
import { resourceClass } from "./resource-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What an {@link ApiKeyProjectAssignment} holds: each is an output of the class
 * and may be given to its `get`. Names match `mongodbatlas.ApiKeyProjectAssignment`.
 */
export interface ApiKeyProjectAssignmentProperties {
  /** Project id (24-hex). Changing it replaces the assignment. */
  projectId: string;
  /** Id (24-hex) of an existing organization key, not its public key. Changing it replaces the assignment. */
  apiKeyId: string;
  /** Project roles, e.g. `["GROUP_READ_ONLY"]`; compared as a set (outputs hold them sorted), updated in place. */
  roles: string[];
}

/** Arguments of {@link ApiKeyProjectAssignment}: all its properties. */
export interface ApiKeyProjectAssignmentArgs extends ArgsOf<
  ApiKeyProjectAssignmentProperties,
  "projectId" | "apiKeyId" | "roles"
> {}

/** Known properties of an {@link ApiKeyProjectAssignment}, for its `get`. Names match `mongodbatlas.ApiKeyProjectAssignmentState`. */
export type ApiKeyProjectAssignmentState = StateOf<ApiKeyProjectAssignmentProperties>;

/**
 * Assigns an existing organization key to a project. Destroy unassigns only;
 * the key stays in the organization. An assignment that already exists is
 * adopted; one that vanished outside Pulumi is dropped by refresh.
 * Resource id: `projectId/apiKeyId`; `ApiKeyProjectAssignment.get` reads an
 * existing assignment without managing it.
 */
export class ApiKeyProjectAssignment extends resourceClass<
  ApiKeyProjectAssignmentArgs,
  ApiKeyProjectAssignmentProperties
>({
  kind: "apiKeyProjectAssignment",
  type: "ApiKeyProjectAssignment",
  registered: (resource, args) => warnAboutUnknownRoles(args?.roles, resource),
}) {}
