// An organization API key for a CI pipeline, usable only from the listed networks.
import * as pulumi from "@pulumi/pulumi";
import { ApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const ciKey = new ApiKey("ci", {
    orgId: config.require("orgId"),
    description: config.get("description") ?? "CI pipeline",
    roleNames: config.getObject<string[]>("roleNames") ?? ["ORG_READ_ONLY"],
    accessList: ["203.0.113.0/24", "198.51.100.7"],
  });
  return {
    apiKeyId: ciKey.apiKeyId,
    publicKey: ciKey.publicKey,
    privateKey: ciKey.privateKey, // a secret: shown as [secret] unless --show-secrets
  };
};
