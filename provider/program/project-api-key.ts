import * as pulumi from "@pulumi/pulumi";
import { warnAboutUnknownRoles } from "./warnings";
import { keyResourceClass } from "./key-class";
import type * as input from "../types/input";
import type * as output from "../types/output";
import type { RotationPolicyArgs } from "./api-key";

/** One project a {@link ProjectApiKey} is assigned to (also `types.input.ProjectApiKeyProjectAssignment`). */
export type ProjectApiKeyProjectAssignment = input.ProjectApiKeyProjectAssignment;

/** Known properties of a {@link ProjectApiKey}, for {@link ProjectApiKey.get}. Names match `mongodbatlas.ProjectApiKeyState`. */
export interface ProjectApiKeyState {
  /** 24-hex id of the key. */
  apiKeyId?: pulumi.Input<string | undefined>;
  /** Description. */
  description?: pulumi.Input<string | undefined>;
  /** Private key (a secret). */
  privateKey?: pulumi.Input<string | undefined>;
  /** Projects and roles. */
  projectAssignments?: pulumi.Input<pulumi.Input<input.ProjectApiKeyProjectAssignment>[] | undefined>;
  /** Public key. */
  publicKey?: pulumi.Input<string | undefined>;
  /** Access-list entries. */
  accessList?: pulumi.Input<pulumi.Input<string>[] | undefined>;
  /** Rotation keepers. */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>> | undefined>;
}

/** Arguments of {@link ProjectApiKey}. Names match `mongodbatlas.ProjectApiKey`. */
export interface ProjectApiKeyArgs {
  /** Description, 1 to 250 characters. Updated in place. */
  description: pulumi.Input<string>;
  /**
   * Projects and roles. The first entry hosts the create call; each project may
   * appear once. Adding, removing or changing roles updates in place.
   */
  projectAssignments: pulumi.Input<pulumi.Input<ProjectApiKeyProjectAssignment>[]>;
  /** IP addresses and CIDR blocks allowed to use the key, managed as a set. */
  accessList?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Changing any value replaces the key, new one first, old one deleted in the
   * same `up`. With a `rotation` policy, a change rotates the key instead,
   * keeping the old one for the overlap.
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Scheduled rotation, as for {@link ApiKeyArgs.rotation}: the new key gets the
   * same description, project assignments and access list. See docs/rotation.md.
   */
  rotation?: pulumi.Input<RotationPolicyArgs>;
  /**
   * Id of an existing key to take over instead of creating one, as for
   * {@link ApiKeyArgs.adoptApiKeyId}: it is looked up in the organization of the
   * first project, and its description, project assignments (projects not listed
   * are unassigned) and access list are brought to the values declared here.
   */
  adoptApiKeyId?: pulumi.Input<string>;
  /** The private key of the adopted key, if you have it; stored only as a secret. */
  adoptPrivateKey?: pulumi.Input<string>;
}

/**
 * An API key created for one or more projects (`/api/atlas/v2/groups/{groupId}/apiKeys`)
 * and owned by this resource: destroying it deletes the key from the
 * organization. Atlas adds the organization role ORG_MEMBER by itself.
 * The resource owns all the key's assignments: refresh reports every project the
 * key is in. Resource id: `projectId/apiKeyId` of the first project; with a
 * rotation policy `projectId/rotating/<id of the first key>`, which stays the
 * same across rotations (the current key is `apiKeyId`). `ProjectApiKey.get`
 * reads an existing key without managing it (`privateKey` is "").
 */
export class ProjectApiKey extends keyResourceClass<ProjectApiKeyArgs, ProjectApiKeyState>({
  kind: "projectApiKey",
  type: "ProjectApiKey",
  outputs: ["orgId", "apiKeyId", "publicKey", "privateKey", "roleNames"],
  registered: (resource, args) => {
    if (args?.projectAssignments === undefined) return;
    const roles = pulumi
      .output(args.projectAssignments)
      .apply((list) => (list ?? []).flatMap((a) => a.roleNames ?? []));
    warnAboutUnknownRoles(roles, resource);
  },
}) {
  /** Description as Atlas holds it. */
  declare readonly description: pulumi.Output<string>;
  /** The projects the key is assigned to, with the roles it holds there. */
  declare readonly projectAssignments: pulumi.Output<output.ProjectApiKeyProjectAssignment[]>;
  /** Access-list entries, when managed. */
  declare readonly accessList: pulumi.Output<string[] | undefined>;
  /** Rotation keepers. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
  /** Organization the key belongs to. */
  declare readonly orgId: pulumi.Output<string>;
  /** 24-hex id of the key. */
  declare readonly apiKeyId: pulumi.Output<string>;
  /** Public key: the 8-letter digest username. */
  declare readonly publicKey: pulumi.Output<string>;
  /** Private key, always a secret; "" for a key read with `get`. */
  declare readonly privateKey: pulumi.Output<string>;
  /** The adopted key's id, when the key was adopted. */
  declare readonly adoptApiKeyId: pulumi.Output<string | undefined>;
  /** Organization roles of the key (ORG_MEMBER). */
  declare readonly roleNames: pulumi.Output<string[]>;
}
