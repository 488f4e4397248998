import * as pulumi from "@pulumi/pulumi";
import { unknownProjectRoles } from "../shared/roles";

/**
 * Helpers that run in the Pulumi program (not in the provider process), where
 * `pulumi.log` reaches the CLI. The provider process of a dynamic resource has
 * no logging channel to the engine, so warnings are raised here.
 */

/** Outputs of the key resources that hold a private key: always secrets. */
export const SECRET_OUTPUTS = ["privateKey", "previousPrivateKey"];

/** Output-only properties a rotation policy adds, seeded so the resource declares them. */
export const ROTATION_OUTPUTS = {
  rotatedAt: undefined,
  nextRotationAt: undefined,
  previousApiKeyId: undefined,
  previousPublicKey: undefined,
  previousPrivateKey: undefined,
  previousExpiresAt: undefined,
};

/** Adds names to `additionalSecretOutputs`, keeping the caller's own. */
export function secretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...names])] };
}

let credentialsChecked = false;

/**
 * Warns once per program when both a service account and an API key are
 * configured: the service account wins, as in the Terraform provider.
 */
export function warnAboutCredentials(): void {
  if (credentialsChecked) return;
  credentialsChecked = true;
  const config = new pulumi.Config("mongodbatlas");
  const env = process.env;
  const has = (key: string, ...names: string[]) =>
    config.get(key) !== undefined || names.some((n) => env[n] !== undefined);
  const apiKey = has("publicKey", "MONGODB_ATLAS_PUBLIC_KEY", "MONGODB_ATLAS_PUBLIC_API_KEY");
  const serviceAccount = has("clientId", "MONGODB_ATLAS_CLIENT_ID");
  if (apiKey && serviceAccount) {
    pulumi.log.warn(
      "Both a service account (mongodbatlas:clientId) and an API key (mongodbatlas:publicKey) are configured; the service account is used.",
    );
  }
}

/** Warns about well-formed project roles that Atlas had not published when this package was released. */
export function warnAboutUnknownRoles(
  roles: pulumi.Input<pulumi.Input<string>[]> | undefined,
  resource: pulumi.Resource,
): void {
  if (roles === undefined) return;
  pulumi.output(roles).apply((list) => {
    const unknown = unknownProjectRoles(list ?? []);
    if (unknown.length) {
      pulumi.log.warn(
        `Project role(s) ${unknown.join(", ")} are not in the list this package knows; they are passed to Atlas as written. Check the spelling if Atlas rejects them.`,
        resource,
      );
    }
  });
}
