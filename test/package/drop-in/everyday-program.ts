/**
 * An everyday program written against `@pulumi/mongodbatlas` 4.16, as its users write them.
 * test/package/drop-in.test.ts type-checks it twice: as written (so it stays a real program of
 * that package) and with only the import changed to this package, which must give zero errors.
 * It is never run.
 */
import * as pulumi from "@pulumi/pulumi";
import * as mongodbatlas from "@pulumi/mongodbatlas";

const config = new pulumi.Config();
const orgId = config.require("orgId");
const projectId = config.require("projectId");
const otherOrgId = config.require("otherOrgId");

// A second organization with its own admin key: an explicit provider.
const otherOrg = new mongodbatlas.Provider("other-org", {
  publicKey: config.require("otherPublicKey"),
  privateKey: config.requireSecret("otherPrivateKey"),
});
// A third with a service account, another with a token, and one in Atlas for Government.
const serviceAccountOrg = new mongodbatlas.Provider("sa-org", {
  clientId: config.require("clientId"),
  clientSecret: config.requireSecret("clientSecret"),
  baseUrl: "https://cloud.mongodb.com",
});
const tokenOrg = new mongodbatlas.Provider("token-org", { accessToken: config.requireSecret("accessToken") });
const govOrg = new mongodbatlas.Provider("gov-org", {
  publicKey: config.require("govPublicKey"),
  privateKey: config.requireSecret("govPrivateKey"),
  isMongodbgovCloud: true,
});

// Typed arguments.
const deployerArgs: mongodbatlas.ApiKeyArgs = {
  orgId,
  description: "CI deployer",
  roleNames: ["ORG_MEMBER", "ORG_GROUP_CREATOR"],
};
const deployer = new mongodbatlas.ApiKey("deployer", deployerArgs);
const auditor = new mongodbatlas.ApiKey(
  "auditor",
  { orgId: otherOrgId, description: "Auditor", roleNames: ["ORG_READ_ONLY"] },
  { provider: otherOrg, protect: false },
);
new mongodbatlas.ApiKey(
  "sa-made",
  { orgId: otherOrgId, description: "Made by a service account", roleNames: ["ORG_READ_ONLY"] },
  { provider: serviceAccountOrg },
);
new mongodbatlas.ApiKey(
  "token-made",
  { orgId: otherOrgId, description: "Made with a token", roleNames: ["ORG_READ_ONLY"] },
  { provider: tokenOrg },
);
new mongodbatlas.ApiKey("gov-key", { orgId, description: "Gov", roleNames: ["ORG_READ_ONLY"] }, { provider: govOrg });

// Nested input shapes from the types namespace.
const readOnly: mongodbatlas.types.input.ProjectApiKeyProjectAssignment = {
  projectId,
  roleNames: ["GROUP_READ_ONLY"],
};
const appArgs: mongodbatlas.ProjectApiKeyArgs = { description: "App", projectAssignments: [readOnly] };
const app = new mongodbatlas.ProjectApiKey("app", appArgs);
const assignedProjects: pulumi.Output<string[]> = app.projectAssignments.apply(
  (assignments: mongodbatlas.types.output.ProjectApiKeyProjectAssignment[]) => assignments.map((a) => a.projectId),
);

const assignmentArgs: mongodbatlas.ApiKeyProjectAssignmentArgs = {
  apiKeyId: deployer.apiKeyId,
  projectId,
  roles: ["GROUP_OWNER"],
};
const assignment = new mongodbatlas.ApiKeyProjectAssignment("deployer-in-project", assignmentArgs, {
  dependsOn: [deployer],
});

const entryArgs: mongodbatlas.AccessListApiKeyArgs = { orgId, apiKeyId: deployer.apiKeyId, ipAddress: "203.0.113.7" };
const entry = new mongodbatlas.AccessListApiKey("office", entryArgs);
const officeAddress: pulumi.Output<string> = entry.ipAddress;
const officeBlock: pulumi.Output<string> = entry.cidrBlock;
new mongodbatlas.AccessListApiKey(
  "auditor-office",
  { orgId: otherOrgId, apiKeyId: auditor.apiKeyId, cidrBlock: "198.51.100.0/24" },
  { provider: otherOrg },
);

// Reading existing resources with their state types.
const existingState: mongodbatlas.ApiKeyState = { orgId, description: "Existing" };
const existing = mongodbatlas.ApiKey.get("existing", config.require("existingKeyId"), existingState, {
  provider: otherOrg,
});
const projectState: mongodbatlas.ProjectApiKeyState = { description: "Existing project key" };
mongodbatlas.ProjectApiKey.get("existing-project-key", config.require("existingProjectKeyId"), projectState);
const assignmentState: mongodbatlas.ApiKeyProjectAssignmentState = { projectId };
mongodbatlas.ApiKeyProjectAssignment.get("existing-assignment", config.require("existingAssignment"), assignmentState);
const entryState: mongodbatlas.AccessListApiKeyState = { orgId };
mongodbatlas.AccessListApiKey.get("existing-entry", config.require("existingEntry"), entryState);
mongodbatlas.ApiKey.get("existing-plain", config.require("existingKeyId"));

function describe(resource: pulumi.Resource): string {
  if (mongodbatlas.ApiKey.isInstance(resource)) return "an organization key";
  if (mongodbatlas.ProjectApiKey.isInstance(resource)) return "a project key";
  if (mongodbatlas.ApiKeyProjectAssignment.isInstance(resource)) return "an assignment";
  if (mongodbatlas.AccessListApiKey.isInstance(resource)) return "an access-list entry";
  return "something else";
}

// Every lookup in its Output form, with invoke options.
const oneKey = mongodbatlas.getApiKeyOutput({ orgId, apiKeyId: deployer.apiKeyId });
const orgKeys = mongodbatlas.getApiKeysOutput({ orgId: otherOrgId }, { provider: otherOrg });
const oneProjectKey = mongodbatlas.getProjectApiKeyOutput({ projectId, apiKeyId: app.apiKeyId });
const projectKeys = mongodbatlas.getProjectApiKeysOutput({ projectId });
const oneEntry = mongodbatlas.getAccessListApiKeyOutput({
  orgId,
  apiKeyId: deployer.apiKeyId,
  ipAddress: "203.0.113.7",
});
const entries = mongodbatlas.getAccessListApiKeysOutput({ orgId, apiKeyId: deployer.apiKeyId });
const oneAssignment = mongodbatlas.getApiKeyProjectAssignmentOutput(
  { projectId, apiKeyId: deployer.apiKeyId },
  { dependsOn: [assignment] },
);
const assignments = mongodbatlas.getApiKeyProjectAssignmentsOutput({ projectId });

// And in their Promise form.
async function summary(): Promise<Record<string, unknown>> {
  const key = await mongodbatlas.getApiKey({ orgId, apiKeyId: config.require("existingKeyId") });
  const keys = await mongodbatlas.getApiKeys({ orgId }, { provider: otherOrg });
  const projectKey = await mongodbatlas.getProjectApiKey({ projectId, apiKeyId: config.require("existingKeyId") });
  const inProject = await mongodbatlas.getProjectApiKeys({ projectId });
  const anEntry = await mongodbatlas.getAccessListApiKey({ orgId, apiKeyId: key.apiKeyId, ipAddress: "203.0.113.7" });
  const allEntries = await mongodbatlas.getAccessListApiKeys({ orgId, apiKeyId: key.apiKeyId });
  const anAssignment = await mongodbatlas.getApiKeyProjectAssignment({ projectId, apiKeyId: key.apiKeyId });
  const allAssignments = await mongodbatlas.getApiKeyProjectAssignments({ projectId });
  return {
    key: { id: key.id, orgId: key.orgId, description: key.description, roles: key.roleNames, publicKey: key.publicKey },
    keys: { id: keys.id, orgId: keys.orgId, ids: keys.results.map((k) => k.apiKeyId) },
    projectKey: {
      id: projectKey.id,
      projects: projectKey.projectAssignments.map((a) => `${a.projectId}:${a.roleNames.join("+")}`),
    },
    inProject: {
      id: inProject.id,
      projectId: inProject.projectId,
      descriptions: inProject.results.map((k) => k.description),
    },
    entry: { id: anEntry.id, cidr: anEntry.cidrBlock, address: anEntry.ipAddress, uses: anEntry.accessCount },
    entries: { id: allEntries.id, blocks: allEntries.results.map((e) => e.cidrBlock) },
    assignment: { roles: anAssignment.roles },
    assignments: { keys: allAssignments.results.map((a) => `${a.apiKeyId}:${a.roles.length}`) },
  };
}

export const deployerPublicKey = deployer.publicKey;
export const deployerPrivateKey = pulumi.secret(deployer.privateKey);
export const appKeyId = app.apiKeyId;
export const appPublicKey = app.publicKey;
export const projects = assignedProjects;
export const office = pulumi.all([officeAddress, officeBlock]).apply(([address, block]) => `${address} (${block})`);
export const existingRoles = existing.roleNames;
export const kind = describe(deployer);
export const lookedUp = {
  id: oneKey.id,
  orgId: oneKey.orgId,
  orgKeyIds: orgKeys.results.apply((results) => results.map((k) => k.apiKeyId)),
  projectKeyDescription: oneProjectKey.description,
  projectKeyCount: projectKeys.results.apply((results) => results.length),
  entryAddress: oneEntry.ipAddress,
  entryBlocks: entries.results.apply((results) => results.map((e) => e.cidrBlock)),
  assignmentRoles: oneAssignment.roles,
  assignmentCount: assignments.results.apply((results) => results.length),
};
export const report = summary();
