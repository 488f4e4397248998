// Take over a key created outside Pulumi (in the Atlas UI, or by @pulumi/mongodbatlas)
// without recreating it. `pulumi import` cannot work for dynamic providers; adoption does.
import * as pulumi from "@pulumi/pulumi";
import { ApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const adopted = new ApiKey("legacy", {
    orgId: config.require("orgId"),
    description: config.get("description") ?? "legacy integration",
    roleNames: config.getObject<string[]>("roleNames") ?? ["ORG_MEMBER"],
    adoptApiKeyId: config.require("existingApiKeyId"),
    // Optional: the private key, if you still have it, to hand it on as a secret output.
    adoptPrivateKey: config.getSecret("existingPrivateKey"),
  });
  return { apiKeyId: adopted.apiKeyId, publicKey: adopted.publicKey, privateKey: adopted.privateKey };
};
