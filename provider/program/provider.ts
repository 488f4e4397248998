import * as pulumi from "@pulumi/pulumi";
import { CREDENTIALS_PROPERTY, EXPLICIT_SETTINGS, type ExplicitSettings } from "../config/explicit";
import { resolveExplicitSettings } from "../config/explicit";
import { brand, isKind } from "./brand";

/**
 * Arguments of {@link Provider}: the settings of `mongodbatlas.Provider` that
 * this package supports. Each one takes the place of the stack config of the
 * same name (`mongodbatlas:publicKey`, …) for the resources that name the provider.
 */
export interface ProviderArgs {
  /** Public key of an API key (the 8-letter user name). */
  publicKey?: pulumi.Input<string | undefined>;
  /** Private key of that API key. Kept only as a secret. */
  privateKey?: pulumi.Input<string | undefined>;
  /** Client id of a service account. */
  clientId?: pulumi.Input<string | undefined>;
  /** Client secret of that service account. Kept only as a secret. */
  clientSecret?: pulumi.Input<string | undefined>;
  /** An access token obtained elsewhere, sent as a bearer token. Kept only as a secret. */
  accessToken?: pulumi.Input<string | undefined>;
  /** Atlas base URL (default `https://cloud.mongodb.com`). */
  baseUrl?: pulumi.Input<string | undefined>;
  /** `true` for Atlas for Government (`https://cloud.mongodbgov.com`). */
  isMongodbgovCloud?: pulumi.Input<boolean | undefined>;
}

const SETTING_NAMES: readonly string[] = EXPLICIT_SETTINGS;

/**
 * A set of Atlas credentials for the resources and lookups that name it, as
 * `mongodbatlas.Provider` of `@pulumi/mongodbatlas`: pass it as
 * `{ provider: other }` (or in `providers`). Resources without one use the
 * stack config. Its settings reach the provider process as a secret input of
 * each resource that names it, never in clear in the state, and never in the
 * serialized provider code.
 *
 * It is not an engine provider (a dynamic resource cannot use one): a
 * component resource that carries settings. So a parent component's
 * `providers` does not pass it to children; name it on each resource.
 */
export class Provider extends pulumi.ComponentResource {
  /** The provider's name (the type `ProviderResource` asks for an id; there is none to create). */
  readonly id: pulumi.Output<pulumi.ID>;
  /**
   * The settings, a secret, as the provider process receives them: read by the resource classes.
   * @internal
   */
  readonly settings: pulumi.Output<ExplicitSettings>;

  constructor(name: string, args?: ProviderArgs, opts?: pulumi.ComponentResourceOptions) {
    const unsupported = Object.keys(args ?? {}).filter((key) => !SETTING_NAMES.includes(key));
    if (unsupported.length) {
      throw new Error(
        `Provider "${name}": ${unsupported.join(", ")} ${unsupported.length > 1 ? "are" : "is"} not supported by pulumi-mongodbatlas-apikeys ` +
          `(it takes ${SETTING_NAMES.join(", ")}). Resolve the credentials in the program and pass them here.`,
      );
    }
    super("pulumi-mongodbatlas-apikeys:index:Provider", name, {}, opts);
    this.id = pulumi.output(name);
    const settings = pulumi.output(args ?? {}).apply((values) => {
      const explicit: Record<string, unknown> = { provider: name };
      // Undefined fields cannot cross to the provider process ("Unexpected struct type").
      for (const key of SETTING_NAMES) {
        const value = (values as Record<string, unknown>)[key];
        if (value !== undefined && value !== null) explicit[key] = value;
      }
      return explicit as unknown as ExplicitSettings;
    });
    this.settings = pulumi.secret(settings);
    settings.apply((explicit) => warnAbout(explicit, this));
    brand(this, "Provider");
    this.registerOutputs({});
  }

  /** True only for instances of this class (also when made by another copy of this package). */
  static override isInstance(obj: unknown): obj is Provider {
    return obj instanceof Provider || isKind(obj, "Provider");
  }
}

/** Passes on the warnings of the credentials rule for this provider's settings. */
function warnAbout(explicit: ExplicitSettings, provider: Provider): void {
  try {
    resolveExplicitSettings(explicit, process.env).warnings.forEach((w) => pulumi.log.warn(w, provider));
  } catch {
    // Reported by the provider process, with the resource it concerns.
  }
}

/** A resource's options without this package's providers, and the provider it named, if any. */
export interface SeparatedOptions<Opts> {
  opts: Opts;
  provider?: Provider;
}

/**
 * Finds a {@link Provider} in `opts.provider` or `opts.providers` (a list or a
 * map), and removes it: the engine must never see it as a provider.
 */
export function separateProvider<Opts extends pulumi.ResourceOptions>(opts: Opts | undefined): SeparatedOptions<Opts> {
  const rest = { ...(opts ?? {}) } as Opts & { providers?: unknown };
  let provider: Provider | undefined;
  if (Provider.isInstance(rest.provider)) {
    provider = rest.provider;
    delete rest.provider;
  }
  const listed = rest.providers;
  if (listed !== undefined && listed !== null && typeof listed === "object") {
    const entries = Array.isArray(listed) ? listed : Object.values(listed);
    provider ??= entries.find((p) => Provider.isInstance(p));
    // A custom resource may not receive `providers` at all; whatever else was listed is not for it.
    delete rest.providers;
  }
  return { opts: rest, provider };
}

/** The input that carries an explicit provider's settings to the provider process. */
export function credentialsInput(provider: Provider | undefined): Record<string, unknown> {
  return provider ? { [CREDENTIALS_PROPERTY]: provider.settings } : {};
}
