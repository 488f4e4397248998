import type { AtlasCredentials } from "../atlas/client";
import { DEFAULT_BASE_URL, parseBaseUrl } from "../atlas/base-url";

/** Where the provider's settings come from: Pulumi stack config, then the environment. */
export interface SettingsSources {
  /** Reads a stack config value by full key, e.g. `mongodbatlas:publicKey`. */
  config: (key: string) => string | undefined;
  env: Record<string, string | undefined>;
}

/** Everything the provider needs to talk to Atlas. Lives only in the provider process. */
export interface ProviderSettings {
  credentials: AtlasCredentials;
  baseUrl: string;
  /** Things the user should know, e.g. that two kinds of credentials were set. */
  warnings: string[];
}

/** Bad or missing configuration. Raised before any request is sent. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

const HOW_TO_CONFIGURE =
  "Configure either an API key: `pulumi config set mongodbatlas:publicKey <public key>` and " +
  "`pulumi config set --secret mongodbatlas:privateKey <private key>` (or the environment variables " +
  "MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY), or a service account: " +
  "`pulumi config set mongodbatlas:clientId <client id>` and `pulumi config set --secret mongodbatlas:clientSecret <secret>` " +
  "(or MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET).";

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves credentials and base URL. Stack config wins over the environment
 * field by field; a service account wins over an API key when both are
 * complete (as in the Terraform provider), with a warning. Never echoes a
 * secret value in a message.
 */
export function resolveSettings(sources: SettingsSources): ProviderSettings {
  const read = (configKey: string, ...envNames: string[]) => lookup(sources, configKey, envNames);
  const publicKey = read("publicKey", "MONGODB_ATLAS_PUBLIC_KEY", "MONGODB_ATLAS_PUBLIC_API_KEY");
  const privateKey = read("privateKey", "MONGODB_ATLAS_PRIVATE_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY");
  const clientId = read("clientId", "MONGODB_ATLAS_CLIENT_ID");
  const clientSecret = read("clientSecret", "MONGODB_ATLAS_CLIENT_SECRET");
  const baseUrl = read("baseUrl", "MONGODB_ATLAS_BASE_URL");

  const apiKey = pair(publicKey, privateKey);
  const serviceAccount = pair(clientId, clientSecret);
  const warnings: string[] = [];
  let credentials: AtlasCredentials;
  if (serviceAccount) {
    credentials = { type: "serviceAccount", clientId: serviceAccount[0].value, clientSecret: serviceAccount[1].value };
    if (apiKey) {
      warnings.push(
        `Both a service account (${clientId!.source}) and an API key (${publicKey!.source}) are configured; using the service account.`,
      );
    }
  } else if (apiKey) {
    if (UUID_SHAPE.test(apiKey[0].value)) {
      throw new ConfigurationError(
        `${publicKey!.source} holds a value shaped like a private key (a UUID). The public key is the 8-letter username of the API key; put the UUID in mongodbatlas:privateKey (as a secret).`,
      );
    }
    credentials = { type: "apiKey", publicKey: apiKey[0].value, privateKey: apiKey[1].value };
  } else {
    throw new ConfigurationError(
      `MongoDB Atlas credentials are missing or incomplete${incomplete(publicKey, privateKey, clientId, clientSecret)}. ${HOW_TO_CONFIGURE}`,
    );
  }
  const url = baseUrl?.value ?? DEFAULT_BASE_URL;
  try {
    parseBaseUrl(url);
  } catch (error) {
    throw new ConfigurationError(`${baseUrl?.source ?? "mongodbatlas:baseUrl"}: ${(error as Error).message}`);
  }
  return { credentials, baseUrl: url.replace(/\/+$/, ""), warnings };
}

interface Found {
  value: string;
  /** Where it came from, for messages: a config key or an environment variable name. */
  source: string;
}

function lookup(sources: SettingsSources, key: string, envNames: string[]): Found | undefined {
  const configKey = `mongodbatlas:${key}`;
  const fromConfig = sources.config(configKey);
  if (fromConfig !== undefined) return checked(fromConfig, configKey);
  for (const name of envNames) {
    const fromEnv = sources.env[name];
    if (fromEnv !== undefined) return checked(fromEnv, name);
  }
  return undefined;
}

function checked(value: string, source: string): Found {
  if (value.trim() === "") {
    throw new ConfigurationError(`${source} is set but empty. Set a value or remove it. ${HOW_TO_CONFIGURE}`);
  }
  return { value: value.trim(), source };
}

function pair(a: Found | undefined, b: Found | undefined): [Found, Found] | undefined {
  return a && b ? [a, b] : undefined;
}

function incomplete(...found: (Found | undefined)[]): string {
  const present = found.filter((f): f is Found => f !== undefined).map((f) => f.source);
  return present.length ? ` (only ${present.join(", ")} set)` : "";
}
