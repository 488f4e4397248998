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

/** A rotation policy (`rotation` of `ApiKey`, `ProjectApiKey`, `ServiceAccountSecret`): `{ every: "90d", overlap: "7d" }` (units d, h, m, s). */
export interface RotationPolicy {
  /** How long a key or secret stays current, e.g. `"90d"`. */
  every: pulumi.Input<string>;
  /** How long the replaced one keeps working after a rotation, e.g. `"7d"`; shorter than `every`. */
  overlap: pulumi.Input<string>;
}
