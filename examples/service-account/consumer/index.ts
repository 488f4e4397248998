// Another team's stack, reading the service account of examples/service-account through a
// StackReference. The client secret stays a secret across the reference and in this stack.
import * as pulumi from "@pulumi/pulumi";

export = async () => {
  const config = new pulumi.Config();
  const account = new pulumi.StackReference(config.require("accountStack"));
  return {
    clientId: account.requireOutput("clientId"),
    clientSecret: pulumi.secret(account.requireOutput("clientSecret")),
  };
};
