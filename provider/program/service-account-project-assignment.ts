import * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "../runtime/serializable";
import { warnAboutCredentials, warnAboutUnknownRoles } from "./warnings";

const provider = serializableProvider("serviceAccountProjectAssignment");

/** Arguments of {@link ServiceAccountProjectAssignment}. Names match `mongodbatlas.ServiceAccountProjectAssignment`. */
export interface ServiceAccountProjectAssignmentArgs {
  /** Project id (24-hex). Changing it replaces the assignment. */
  projectId: pulumi.Input<string>;
  /** Client id of an organization service account (`mdb_sa_id_…`). Changing it replaces the assignment. */
  clientId: pulumi.Input<string>;
  /** Project roles, e.g. `["GROUP_READ_ONLY"]`; a set, updated in place. */
  roles: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Gives an organization service account access to a project. Destroy
 * unassigns only: the account and its secrets stay. An assignment that already
 * exists is adopted; one removed outside Pulumi is dropped by refresh.
 * Resource id: `projectId/clientId`.
 */
export class ServiceAccountProjectAssignment extends pulumi.dynamic.Resource {
  /** Project id. */
  declare readonly projectId: pulumi.Output<string>;
  /** Client id of the account. */
  declare readonly clientId: pulumi.Output<string>;
  /** Project roles as Atlas holds them, sorted. */
  declare readonly roles: pulumi.Output<string[]>;

  constructor(name: string, args: ServiceAccountProjectAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentials();
    super(provider, name, { ...args }, opts, "mongodbatlas", "ServiceAccountProjectAssignment");
    warnAboutUnknownRoles(args?.roles, this);
  }

  /** Reads an existing assignment without managing it. `id` is `projectId/clientId`. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    opts?: pulumi.CustomResourceOptions,
  ): ServiceAccountProjectAssignment {
    return new ServiceAccountProjectAssignment(name, {} as ServiceAccountProjectAssignmentArgs, { ...opts, id });
  }
}
