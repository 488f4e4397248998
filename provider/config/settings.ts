import type { AtlasCredentials } from "../atlas/client-options";
import { DEFAULT_BASE_URL, parseBaseUrl } from "../atlas/base-url";
import { resolvePacing, type PacingSettings } from "./pacing-settings";

/**
 * The one credentials rule, used by the provider process, the program-side
 * warning and the lookups. Precedence is the Terraform provider's
 * (docs/guides/provider-configuration.md there, "Credential Priority"):
 *   1. the source: the whole credential set from configuration (stack config
 *      `mongodbatlas:*`, or an explicit `Provider`'s arguments) when it sets any
 *      credential, else from the environment; the two are never merged;
 *   2. the method, within that source: access token > service account > API key.
 * A method counts as chosen as soon as one of its settings is set, so half a
 * service account is an error, not a silent fall-back to an API key.
 */

/** Where the provider's settings come from. */
export interface SettingsSources {
  /** Reads a configuration value by full key, e.g. `mongodbatlas:publicKey`. */
  config: (key: string) => string | undefined;
  env: Record<string, string | undefined>;
  /** How messages name a configuration value (default: its full key, e.g. `mongodbatlas:publicKey`). */
  nameOf?: (key: string) => string;
}

/** Everything the provider needs to talk to Atlas. Lives only in the provider process. */
export interface ProviderSettings {
  credentials: AtlasCredentials;
  baseUrl: string;
  /** Things the user should know, e.g. that two kinds of credentials were set. */
  warnings: string[];
  /** Pacing under Atlas's rate limits (pacing-settings.ts). */
  pacing: PacingSettings;
}

/** Bad or missing configuration. Raised before any request is sent. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** Base URL of MongoDB Atlas for Government. */
export const GOV_CLOUD_BASE_URL = "https://cloud.mongodbgov.com";

const HOW_TO_CONFIGURE =
  "Configure an API key: `pulumi config set mongodbatlas:publicKey <public key>` and " +
  "`pulumi config set --secret mongodbatlas:privateKey <private key>` (or the environment variables " +
  "MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY), or a service account: " +
  "`pulumi config set mongodbatlas:clientId <client id>` and `pulumi config set --secret mongodbatlas:clientSecret <secret>` " +
  "(or MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET), or an access token: " +
  "`pulumi config set --secret mongodbatlas:accessToken <token>` (or MONGODB_ATLAS_ACCESS_TOKEN).";

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Found {
  value: string;
  /** Where it came from, for messages: a config key or an environment variable name. */
  source: string;
}

/** The credential settings of one source. */
interface CredentialSet {
  accessToken?: Found;
  clientId?: Found;
  clientSecret?: Found;
  publicKey?: Found;
  privateKey?: Found;
}

/**
 * Resolves credentials and base URL (see the rule at the top of this file).
 * Never echoes a secret value in a message.
 */
export function resolveSettings(sources: SettingsSources): ProviderSettings {
  const nameOf = (key: string) => sources.nameOf?.(key) ?? `mongodbatlas:${key}`;
  const fromConfig = (key: string) => fromConfigOnly(sources, key, nameOf(key));
  const fromEnv = (...names: string[]) => fromEnvOnly(sources, names);
  // Environment values are checked only when used: an empty variable beside a configured key is harmless.
  const read = (key: string, ...envNames: string[]) => ({ config: fromConfig(key), env: fromEnv(...envNames) });
  const settings = {
    accessToken: read("accessToken", "MONGODB_ATLAS_ACCESS_TOKEN"),
    clientId: read("clientId", "MONGODB_ATLAS_CLIENT_ID"),
    clientSecret: read("clientSecret", "MONGODB_ATLAS_CLIENT_SECRET"),
    publicKey: read("publicKey", "MONGODB_ATLAS_PUBLIC_KEY", "MONGODB_ATLAS_PUBLIC_API_KEY", "MCLI_PUBLIC_API_KEY"),
    privateKey: read(
      "privateKey",
      "MONGODB_ATLAS_PRIVATE_KEY",
      "MONGODB_ATLAS_PRIVATE_API_KEY",
      "MCLI_PRIVATE_API_KEY",
    ),
  };
  const baseUrl = read("baseUrl", "MONGODB_ATLAS_BASE_URL", "MCLI_OPS_MANAGER_URL");
  const govCloud = read("isMongodbgovCloud", "MONGODB_ATLAS_IS_MONGODBGOV_CLOUD");

  const pick = (from: "config" | "env"): CredentialSet =>
    Object.fromEntries(Object.entries(settings).map(([name, found]) => [name, found[from]?.()]));
  const configured = pick("config");
  const set = Object.values(configured).some((found) => found !== undefined) ? configured : pick("env");
  const warnings: string[] = [];
  const credentials = chooseCredentials(set, warnings, nameOf);
  const url = chooseBaseUrl(baseUrl.config?.() ?? baseUrl.env?.(), govCloud.config?.() ?? govCloud.env?.());
  const pacing = resolvePacing(sources, (message) => new ConfigurationError(message));
  return { credentials, baseUrl: url, warnings, pacing };
}

function chooseCredentials(set: CredentialSet, warnings: string[], nameOf: (key: string) => string): AtlasCredentials {
  const serviceAccount = set.clientId ?? set.clientSecret;
  const apiKey = set.publicKey ?? set.privateKey;
  if (set.accessToken) {
    const ignored = [serviceAccount && "a service account", apiKey && "an API key"].filter(Boolean);
    if (ignored.length) {
      warnings.push(
        `${set.accessToken.source} is used; ${ignored.join(" and ")} set beside it ${ignored.length > 1 ? "are" : "is"} ignored.`,
      );
    }
    return { type: "accessToken", accessToken: set.accessToken.value };
  }
  if (serviceAccount) {
    const [clientId, clientSecret] = complete(
      set.clientId,
      set.clientSecret,
      nameOf("clientId"),
      nameOf("clientSecret"),
    );
    if (apiKey)
      warnings.push(
        `The service account (${clientId.source}) is used; the API key (${apiKey.source}) set beside it is ignored.`,
      );
    return { type: "serviceAccount", clientId: clientId.value, clientSecret: clientSecret.value };
  }
  if (apiKey) {
    const [publicKey, privateKey] = complete(set.publicKey, set.privateKey, nameOf("publicKey"), nameOf("privateKey"));
    if (UUID_SHAPE.test(publicKey.value)) {
      throw new ConfigurationError(
        `${publicKey.source} holds a value shaped like a private key (a UUID). The public key is the 8-letter username of the API key; put the UUID in mongodbatlas:privateKey (as a secret).`,
      );
    }
    return { type: "apiKey", publicKey: publicKey.value, privateKey: privateKey.value };
  }
  throw new ConfigurationError(`MongoDB Atlas credentials are missing or incomplete: none is set. ${HOW_TO_CONFIGURE}`);
}

/** Both halves of a pair, or an error naming the one that is set and the one that is missing. */
function complete(
  first: Found | undefined,
  second: Found | undefined,
  firstKey: string,
  secondKey: string,
): [Found, Found] {
  if (first && second) return [first, second];
  const present = (first ?? second)!;
  const missing = first ? secondKey : firstKey;
  throw new ConfigurationError(
    `MongoDB Atlas credentials are missing or incomplete: only ${present.source} is set, ${missing} is missing. ` +
      `Set ${missing} beside it, or remove ${present.source}. ${HOW_TO_CONFIGURE}`,
  );
}

function chooseBaseUrl(baseUrl: Found | undefined, govCloud: Found | undefined): string {
  let url = baseUrl?.value ?? DEFAULT_BASE_URL;
  if (govCloud) {
    const value = govCloud.value.toLowerCase();
    if (value !== "true" && value !== "false") {
      throw new ConfigurationError(`${govCloud.source} must be true or false.`);
    }
    if (value === "true") {
      if (baseUrl && baseUrl.value.replace(/\/+$/, "") !== GOV_CLOUD_BASE_URL) {
        throw new ConfigurationError(
          `${govCloud.source} is true, which means the base URL ${GOV_CLOUD_BASE_URL}, but ${baseUrl.source} sets another one. Remove one of the two.`,
        );
      }
      url = GOV_CLOUD_BASE_URL;
    }
  }
  try {
    parseBaseUrl(url);
  } catch (error) {
    throw new ConfigurationError(`${baseUrl?.source ?? "mongodbatlas:baseUrl"}: ${(error as Error).message}`);
  }
  return url.replace(/\/+$/, "");
}

/** A setting that is present, checked when called (so only settings that are used can fail). */
type Present = (() => Found) | undefined;

function fromConfigOnly(sources: SettingsSources, key: string, name: string): Present {
  const value = sources.config(`mongodbatlas:${key}`);
  return value === undefined ? undefined : () => checked(value, name);
}

function fromEnvOnly(sources: SettingsSources, names: string[]): Present {
  for (const name of names) {
    const value = sources.env[name];
    if (value !== undefined) return () => checked(value, name);
  }
  return undefined;
}

function checked(value: string, source: string): Found {
  if (value.trim() === "") {
    throw new ConfigurationError(`${source} is set but empty. Set a value or remove it. ${HOW_TO_CONFIGURE}`);
  }
  return { value: value.trim(), source };
}
