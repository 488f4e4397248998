import { resolveSettings, type ProviderSettings } from "./settings";

/**
 * The settings of an explicit `Provider`, as they travel from the program to
 * the provider process: in one input of each resource that names the provider,
 * always a Pulumi secret (see program/provider.ts and runtime/explicit-credentials.ts).
 */

/** The input (and output) that carries them. Part of the state format: never rename. */
export const CREDENTIALS_PROPERTY = "__credentials";

/** The settings a `Provider` takes, named as `@pulumi/mongodbatlas` names them. */
export const EXPLICIT_SETTINGS = [
  "publicKey",
  "privateKey",
  "clientId",
  "clientSecret",
  "accessToken",
  "baseUrl",
  "isMongodbgovCloud",
] as const;

/** One explicit provider's settings, resolved (no Output left). */
export interface ExplicitSettings {
  /** The `Provider`'s name, for messages. */
  provider: string;
  publicKey?: string;
  privateKey?: string;
  clientId?: string;
  clientSecret?: string;
  accessToken?: string;
  baseUrl?: string;
  isMongodbgovCloud?: boolean;
}

/**
 * The settings of a resource that names an explicit provider: its arguments
 * take the place of the stack config, under the same rule (the environment
 * still applies when they set no credential, as in the Terraform provider).
 */
export function resolveExplicitSettings(
  explicit: ExplicitSettings,
  env: Record<string, string | undefined>,
): ProviderSettings {
  const settingOf = (key: string) => key.replace(/^mongodbatlas:/, "") as (typeof EXPLICIT_SETTINGS)[number];
  return resolveSettings({
    config: (key) => {
      const value = explicit[settingOf(key)];
      return value === undefined || value === null ? undefined : String(value);
    },
    env,
    nameOf: (key) => `${key} of Provider "${explicit.provider}"`,
  });
}

/** True for a value of {@link CREDENTIALS_PROPERTY} as the provider process receives it. */
export function isExplicitSettings(value: unknown): value is ExplicitSettings {
  return typeof value === "object" && value !== null && typeof (value as ExplicitSettings).provider === "string";
}
