// A service account for a deploy pipeline: created without a first secret, so that its one secret
// is a resource of its own (replaced new-first when its lifetime changes), read access to one
// project, and an access list. Another stack reads the credentials through a StackReference
// (examples/service-account/consumer). The lookups at the end read back what Atlas holds, as
// another program (or an audit job) would.
import * as pulumi from "@pulumi/pulumi";
import {
  ServiceAccount,
  ServiceAccountAccessListEntry,
  ServiceAccountProjectAssignment,
  ServiceAccountSecret,
  getServiceAccountAccessListEntriesOutput,
  getServiceAccountAccessListEntryOutput,
  getServiceAccountOutput,
  getServiceAccountProjectAssignmentOutput,
  getServiceAccountProjectAssignmentsOutput,
  getServiceAccountSecretOutput,
  getServiceAccountsOutput,
} from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const orgId = config.require("orgId");
  const account = new ServiceAccount("deployer", {
    orgId,
    description: "deploy pipeline",
    roles: ["ORG_READ_ONLY"],
    withoutInitialSecret: true,
  });
  // Optional scheduled rotation (docs/rotation.md): set rotateEvery and rotateOverlap (at most
  // "7d"); changing secretKeeper then rotates at once, keeping the old secret for the overlap.
  const every = config.get("rotateEvery");
  const keeper = config.get("secretKeeper");
  const secret = new ServiceAccountSecret("deployer-secret", {
    orgId,
    clientId: account.clientId,
    secretExpiresAfterHours: config.getNumber("secretExpiresAfterHours") ?? 720,
    rotation: every ? { every, overlap: config.require("rotateOverlap") } : undefined,
    keepers: keeper ? { secret: keeper } : undefined,
  });
  const inProject = new ServiceAccountProjectAssignment("deployer-project", {
    projectId: config.require("projectId"),
    clientId: account.clientId,
    roles: ["GROUP_READ_ONLY"],
  });
  const runners = new ServiceAccountAccessListEntry("deployer-runners", {
    orgId,
    clientId: account.clientId,
    cidrBlock: config.get("allowedCidr") ?? "203.0.113.0/24",
  });

  // One lookup of each kind, after the resources they read.
  const projectId = inProject.projectId;
  const clientId = account.clientId;
  const after = { dependsOn: [secret, inProject, runners] };
  const accounts = getServiceAccountsOutput({ orgId }, after);
  const seen = getServiceAccountOutput({ orgId, clientId }, after);
  const seenSecret = getServiceAccountSecretOutput({ orgId, clientId, secretId: secret.secretId });
  const projects = getServiceAccountProjectAssignmentsOutput({ orgId, clientId }, after);
  const project = getServiceAccountProjectAssignmentOutput({ projectId, clientId }, after);
  const entries = getServiceAccountAccessListEntriesOutput({ orgId, clientId }, after);
  const entry = getServiceAccountAccessListEntryOutput({ orgId, clientId, cidrBlock: runners.cidrBlock });

  return {
    clientId,
    clientSecret: secret.secret, // a secret
    previousClientSecret: secret.previousSecret, // a secret; "" outside a rotation's overlap
    secretExpiresAt: secret.expiresAt,
    lookedUp: {
      accountIds: accounts.results.apply((list) => list.map((a) => a.clientId)),
      roles: seen.roles,
      secretIds: seen.secrets.apply((list) => list.map((s) => s.secretId)),
      secretExpiresAt: seenSecret.expiresAt,
      projectIds: projects.results.apply((list) => list.map((p) => p.projectId)),
      projectRoles: project.roles,
      accessList: entries.results.apply((list) => list.map((e) => e.cidrBlock)),
      entryId: entry.id,
    },
  };
};
