/**
 * Nested input shapes, as `types.input` of `@pulumi/mongodbatlas` names them.
 */
import type * as pulumi from "@pulumi/pulumi";

/** One project a `ProjectApiKey` is assigned to. */
export interface ProjectApiKeyProjectAssignment {
  /** Project id (24-hex). */
  projectId: pulumi.Input<string>;
  /** Project roles in that project, e.g. `["GROUP_READ_ONLY"]`; compared as a set. */
  roleNames: pulumi.Input<pulumi.Input<string>[]>;
}
