// Another team's stack, reading the rotating key of examples/scheduled-rotation through a
// StackReference. It hands out both credentials: clients use the current one and fall back to the
// previous one, so a client that reloads its configuration late keeps working during the overlap.
import * as pulumi from "@pulumi/pulumi";

export = async () => {
  const config = new pulumi.Config();
  const keys = new pulumi.StackReference(config.require("keyStack"));
  const credential = (publicKey: string, privateKey: string) => (publicKey ? `${publicKey}:${privateKey}` : "");
  const current = pulumi
    .all([keys.requireOutput("publicKey"), keys.requireOutput("privateKey")])
    .apply(([publicKey, privateKey]) => credential(publicKey, privateKey));
  const previous = pulumi
    .all([keys.requireOutput("previousPublicKey"), keys.requireOutput("previousPrivateKey")])
    .apply(([publicKey, privateKey]) => credential(publicKey, privateKey));
  return { current: pulumi.secret(current), previous: pulumi.secret(previous) };
};
