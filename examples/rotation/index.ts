// Rotation with overlap: change `rotation` (e.g. `pulumi config set rotation 2026-12`)
// and the next `pulumi up` creates a new key, then deletes the old one.
import * as pulumi from "@pulumi/pulumi";
import { ApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const key = new ApiKey("rotating", {
    orgId: config.require("orgId"),
    description: config.get("description") ?? "rotated monthly",
    roleNames: ["ORG_READ_ONLY"],
    keepers: { rotation: config.get("rotation") ?? "2026-11" },
  });
  return { apiKeyId: key.apiKeyId, publicKey: key.publicKey, privateKey: key.privateKey };
};
