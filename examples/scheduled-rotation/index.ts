// Scheduled rotation with an overlap window. The first `pulumi up` at or after `nextRotationAt`
// makes a new key (same description, roles and access list) and keeps the old one working as
// `previous*` for the overlap; the first `up` after `previousExpiresAt` deletes it. Between those
// moments `preview` reports no changes. Run `pulumi up` on a schedule (see examples/gitops).
import * as pulumi from "@pulumi/pulumi";
import { ApiKey } from "pulumi-mongodbatlas-apikeys";

export = async () => {
  const config = new pulumi.Config();
  const key = new ApiKey("deployer", {
    orgId: config.require("orgId"),
    description: "deploy pipeline",
    roleNames: ["ORG_READ_ONLY"],
    rotation: { every: config.get("every") ?? "90d", overlap: config.get("overlap") ?? "7d" },
  });
  return {
    publicKey: key.publicKey,
    privateKey: key.privateKey, // a secret
    previousPublicKey: key.previousPublicKey, // "" outside the overlap
    previousPrivateKey: key.previousPrivateKey, // a secret; "" outside the overlap
    nextRotationAt: key.nextRotationAt,
    previousExpiresAt: key.previousExpiresAt,
  };
};
