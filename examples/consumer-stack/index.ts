// A stack that uses a key managed by another stack (e.g. an app stack reading the
// infra stack's outputs). The private key stays a secret across the reference.
import * as pulumi from "@pulumi/pulumi";

export = async () => {
  const config = new pulumi.Config();
  const infra = new pulumi.StackReference(config.require("infraStack"));
  const publicKey = infra.requireOutput("publicKey");
  const privateKey = infra.requireOutput("privateKey"); // still a secret here
  // Hand the credentials to whatever needs them, e.g. a Kubernetes secret or a CI variable.
  const connection = pulumi.interpolate`${publicKey}:${privateKey}`;
  return { publicKey, connectionSecret: pulumi.secret(connection) };
};
