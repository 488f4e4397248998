// A service account for a deploy pipeline: created without a first secret, so that its one secret
// is a resource of its own (replaced new-first when its lifetime changes), read access to one
// project, and an access list. Another stack reads the credentials through a StackReference
// (examples/service-account/consumer).
import * as pulumi from "@pulumi/pulumi";
import {
  ServiceAccount,
  ServiceAccountAccessListEntry,
  ServiceAccountProjectAssignment,
  ServiceAccountSecret,
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
  const secret = new ServiceAccountSecret("deployer-secret", {
    orgId,
    clientId: account.clientId,
    secretExpiresAfterHours: config.getNumber("secretExpiresAfterHours") ?? 720,
  });
  new ServiceAccountProjectAssignment("deployer-project", {
    projectId: config.require("projectId"),
    clientId: account.clientId,
    roles: ["GROUP_READ_ONLY"],
  });
  new ServiceAccountAccessListEntry("deployer-runners", {
    orgId,
    clientId: account.clientId,
    cidrBlock: config.get("allowedCidr") ?? "203.0.113.0/24",
  });
  return {
    clientId: account.clientId,
    clientSecret: secret.secret, // a secret
    secretExpiresAt: secret.expiresAt,
  };
};
