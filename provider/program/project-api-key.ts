import * as pulumi from "@pulumi/pulumi";
import { warnAboutUnknownRoles } from "./warnings";
import { keyResourceClass, type KeyOptionArgs, type KeyProperties } from "./key-class";
import type { ArgsOf, StateOf } from "./resource-properties";
import type * as input from "../types/input";
import type * as output from "../types/output";

/** One project a {@link ProjectApiKey} is assigned to (also `types.input.ProjectApiKeyProjectAssignment`). */
export type ProjectApiKeyProjectAssignment = input.ProjectApiKeyProjectAssignment;

/**
 * What a {@link ProjectApiKey} holds: each is an output of the class and may be
 * given to {@link ProjectApiKey.get}. Names match `mongodbatlas.ProjectApiKey`.
 */
export interface ProjectApiKeyProperties extends KeyProperties {
  /** Description, 1 to 250 characters. Updated in place. */
  description: string;
  /**
   * Projects and the roles the key holds in each. The first entry hosts the
   * create call; each project may appear once. Adding, removing or changing
   * roles updates in place.
   */
  projectAssignments: output.ProjectApiKeyProjectAssignment[];
  /** Organization the key belongs to. */
  orgId: string;
  /** Organization roles of the key (ORG_MEMBER). */
  roleNames: string[];
}

/** Arguments of {@link ProjectApiKey}: the key's description and projects, and the options every key takes. */
export interface ProjectApiKeyArgs
  extends ArgsOf<ProjectApiKeyProperties, "description" | "projectAssignments">, KeyOptionArgs {}

/** Known properties of a {@link ProjectApiKey}, for {@link ProjectApiKey.get}. Names match `mongodbatlas.ProjectApiKeyState`. */
export type ProjectApiKeyState = StateOf<ProjectApiKeyProperties>;

/**
 * An API key created for one or more projects (`/api/atlas/v2/groups/{groupId}/apiKeys`)
 * and owned by this resource: destroying it deletes the key from the
 * organization. Atlas adds the organization role ORG_MEMBER by itself.
 * The resource owns all the key's assignments: refresh reports every project the
 * key is in. Resource id: `projectId/apiKeyId` of the first project; with a
 * rotation policy `projectId/rotating/<id of the first key>`, which stays the
 * same across rotations (the current key is `apiKeyId`). `ProjectApiKey.get`
 * reads an existing key without managing it (`privateKey` is "").
 * An adopted key (`adoptApiKeyId`) is looked up in the organization of the
 * first project, and projects not listed are unassigned from it.
 */
export class ProjectApiKey extends keyResourceClass<ProjectApiKeyArgs, ProjectApiKeyProperties>({
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
}) {}
