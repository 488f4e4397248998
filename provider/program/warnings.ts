import * as pulumi from "@pulumi/pulumi";
import { resolveSettings } from "../config/settings";
import { unknownProjectRoles } from "../shared/roles";

/**
 * Helpers that run in the Pulumi program (not in the provider process), where
 * `pulumi.log` reaches the CLI. The provider process of a dynamic resource has
 * no logging channel to the engine, so warnings are raised here.
 */

/** Adds names to `additionalSecretOutputs`, keeping the caller's own. */
export function secretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...names])] };
}

let credentialsChecked = false;

/**
 * Passes on, once per program, the warnings of the credentials rule (e.g. that a
 * service account is used and an API key beside it ignored). The rule itself is
 * `resolveSettings`, the same function the provider process runs; a
 * configuration it rejects is reported there, by the first resource that needs it.
 */
export function warnAboutCredentials(): void {
  if (credentialsChecked) return;
  credentialsChecked = true;
  const config = new pulumi.Config("mongodbatlas");
  try {
    const { warnings } = resolveSettings({ config: (key) => config.get(key.split(":")[1]), env: process.env });
    warnings.forEach((warning) => pulumi.log.warn(warning));
  } catch {
    // Reported by the provider process, with the resource it concerns.
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
