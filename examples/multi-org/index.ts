// Keys in two organizations from one program: the stack config's credentials for the home
// organization, an explicit Provider with the partner organization's admin key for the other
// (keys and a service account), and a lookup of each kind through either.
import * as pulumi from "@pulumi/pulumi";
import * as mongodbatlas from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const orgId = config.require("orgId");
  const projectId = config.require("projectId");
  const partnerOrgId = config.require("partnerOrgId");
  const partner = new mongodbatlas.Provider("partner", {
    publicKey: config.require("partnerPublicKey"),
    privateKey: config.requireSecret("partnerPrivateKey"),
    baseUrl: config.get("partnerBaseUrl"), // only for the emulator; Atlas by default
  });

  const home = new mongodbatlas.ApiKey("home-reader", {
    orgId,
    description: "Reader in the home organization",
    roleNames: ["ORG_READ_ONLY"],
  });
  const partnerReader = new mongodbatlas.ApiKey(
    "partner-reader",
    { orgId: partnerOrgId, description: "Reader in the partner organization", roleNames: ["ORG_READ_ONLY"] },
    { provider: partner },
  );
  const office = new mongodbatlas.AccessListApiKey(
    "partner-office",
    { orgId: partnerOrgId, apiKeyId: partnerReader.apiKeyId, ipAddress: "203.0.113.7" },
    { provider: partner },
  );
  const partnerCi = new mongodbatlas.ServiceAccount(
    "partner-ci",
    {
      orgId: partnerOrgId,
      description: "CI in the partner organization",
      roles: ["ORG_READ_ONLY"],
      secretExpiresAfterHours: 24,
    },
    { provider: partner },
  );
  const inProject = new mongodbatlas.ApiKeyProjectAssignment("home-reader-in-project", {
    projectId,
    apiKeyId: home.apiKeyId,
    roles: ["GROUP_READ_ONLY"],
  });

  // One lookup of each kind, after the resources they read.
  const partnerKeys = mongodbatlas.getApiKeysOutput(
    { orgId: partnerOrgId },
    { provider: partner, dependsOn: [office] },
  );
  const partnerKey = mongodbatlas.getApiKeyOutput(
    { orgId: partnerOrgId, apiKeyId: partnerReader.apiKeyId },
    { provider: partner },
  );
  const entries = mongodbatlas.getAccessListApiKeysOutput(
    { orgId: partnerOrgId, apiKeyId: partnerReader.apiKeyId },
    { provider: partner, dependsOn: [office] },
  );
  const entry = mongodbatlas.getAccessListApiKeyOutput(
    { orgId: partnerOrgId, apiKeyId: partnerReader.apiKeyId, ipAddress: office.ipAddress },
    { provider: partner },
  );
  const partnerAccount = mongodbatlas.getServiceAccountOutput(
    { orgId: partnerOrgId, clientId: partnerCi.clientId },
    { provider: partner },
  );
  const projectKeys = mongodbatlas.getProjectApiKeysOutput({ projectId }, { dependsOn: [inProject] });
  const projectKey = mongodbatlas.getProjectApiKeyOutput({ projectId, apiKeyId: inProject.apiKeyId });
  const assignments = mongodbatlas.getApiKeyProjectAssignmentsOutput({ projectId }, { dependsOn: [inProject] });
  const assignment = mongodbatlas.getApiKeyProjectAssignmentOutput({ projectId, apiKeyId: inProject.apiKeyId });

  return {
    homeKeyId: home.apiKeyId,
    partnerKeyId: partnerReader.apiKeyId,
    partnerPrivateKey: partnerReader.privateKey, // a secret
    partnerOrgKeyIds: partnerKeys.results.apply((keys) => keys.map((key) => key.apiKeyId)),
    partnerKeyOrg: partnerKey.orgId,
    partnerEntries: entries.results.apply((list) => list.map((e) => e.cidrBlock)),
    partnerEntryId: entry.id,
    partnerClientId: partnerCi.clientId,
    partnerAccountOrg: partnerAccount.orgId,
    partnerAccountSecrets: partnerCi.secrets, // a secret
    projectKeyIds: projectKeys.results.apply((keys) => keys.map((key) => key.apiKeyId)),
    projectKeyId: projectKey.id,
    assignedKeyIds: assignments.results.apply((list) => list.map((a) => a.apiKeyId)),
    assignmentRoles: assignment.roles,
    entryIsAnApiKey: mongodbatlas.ApiKey.isInstance(office),
    keyIsAnApiKey: mongodbatlas.ApiKey.isInstance(home),
  };
};
