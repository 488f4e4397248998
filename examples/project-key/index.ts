// One key for a service that runs in two projects, with different roles in each.
import * as pulumi from "@pulumi/pulumi";
import { ProjectApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const serviceKey = new ProjectApiKey("billing-service", {
    description: config.get("description") ?? "billing service",
    projectAssignments: [
      // The first project hosts the key's creation.
      {
        projectId: config.require("projectId"),
        roleNames: config.getObject<string[]>("roleNames") ?? ["GROUP_READ_ONLY"],
      },
      { projectId: config.require("secondProjectId"), roleNames: ["GROUP_DATA_ACCESS_READ_ONLY"] },
    ],
  });
  return { orgId: serviceKey.orgId, publicKey: serviceKey.publicKey, privateKey: serviceKey.privateKey };
};
