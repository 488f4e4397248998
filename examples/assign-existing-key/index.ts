// Give an existing organization key access to a project, without owning the key.
// Destroying this stack unassigns the key; the key itself stays.
import * as pulumi from "@pulumi/pulumi";
import { ApiKeyProjectAssignment } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const assignment = new ApiKeyProjectAssignment("monitoring-in-project", {
    projectId: config.require("projectId"),
    apiKeyId: config.require("apiKeyId"), // the 24-hex key id, not the 8-letter public key
    roles: config.getObject<string[]>("roles") ?? ["GROUP_READ_ONLY"],
  });
  return { assignmentId: assignment.id, roles: assignment.roles };
};
