// Access-list entries as separate resources, e.g. when another stack owns the key.
import * as pulumi from "@pulumi/pulumi";
import { AccessListApiKey, ApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const orgId = config.require("orgId");
  const key = new ApiKey("deployer", {
    orgId,
    description: config.get("description") ?? "deployer",
    roleNames: ["ORG_MEMBER"],
  });
  const office = new AccessListApiKey("office", { orgId, apiKeyId: key.apiKeyId, cidrBlock: "198.51.100.0/24" });
  const bastion = new AccessListApiKey("bastion", { orgId, apiKeyId: key.apiKeyId, ipAddress: "203.0.113.10" });
  return { publicKey: key.publicKey, entries: [office.cidrBlock, bastion.ipAddress] };
};
