// The program `npm run demo` deploys, and one you can point at real Atlas:
//   pulumi config set orgId <org id>; pulumi config set projectId <project id>
//   pulumi config set mongodbatlas:publicKey <public key>
//   pulumi config set --secret mongodbatlas:privateKey <private key>
// It creates an organization key with an access list, a key for a project, and
// assigns the organization key to the project too.
import * as pulumi from "@pulumi/pulumi";
import { ApiKey, ApiKeyProjectAssignment, ProjectApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const orgId = config.require("orgId");
  const projectId = config.require("projectId");

  const deployKey = new ApiKey("deploy", {
    orgId,
    description: config.get("description") ?? "deploy pipeline",
    roleNames: config.getObject<string[]>("roleNames") ?? ["ORG_MEMBER"],
    accessList: ["203.0.113.0/24"],
    keepers: { rotation: config.get("rotation") ?? "1" },
  });

  const appKey = new ProjectApiKey("app", {
    description: "application runtime",
    projectAssignments: [{ projectId, roleNames: ["GROUP_DATA_ACCESS_READ_WRITE"] }],
  });

  new ApiKeyProjectAssignment("deploy-in-project", {
    projectId,
    apiKeyId: deployKey.apiKeyId,
    roles: ["GROUP_CLUSTER_MANAGER"],
  });

  return {
    deployPublicKey: deployKey.publicKey,
    deployPrivateKey: deployKey.privateKey,
    appPublicKey: appKey.publicKey,
    appPrivateKey: appKey.privateKey,
  };
};
