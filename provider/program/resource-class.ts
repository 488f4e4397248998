import * as pulumi from "@pulumi/pulumi";
import { CREDENTIALS_PROPERTY } from "../config/explicit";
import { serializableProvider, type ResourceKind } from "../runtime/serializable";
import { brand, isKind } from "./brand";
import { credentialsInput, separateProvider } from "./provider";
import type { OutputsOf, StateOf } from "./resource-properties";
import { secretOutputs, warnAboutCredentials } from "./warnings";

/**
 * The one way the resource classes of this package are built: each class
 * extends `resourceClass<Args, Properties>({...})`: its outputs and the state
 * `get` takes come from its `Properties` (resource-properties.ts), and its
 * definition adds what is its own (a default, a warning). The base does what
 * every class must do alike:
 * take an explicit {@link Provider} out of the options into the secret input
 * `__credentials`, mark the secret outputs, seed the output-only properties,
 * brand the instance for `isInstance`, and give `get(name, id, state?, opts?)`.
 */

/** What one resource class says about itself. */
export interface ResourceDefinition<Args> {
  /** The runtime's kind: part of the state format, never renamed. */
  kind: ResourceKind;
  /** The type after `mongodbatlas:`, as `@pulumi/mongodbatlas` names the class; also the brand of `isInstance`. */
  type: string;
  /** Output-only properties, declared to the engine by seeding them as `undefined` after the arguments. */
  outputs?: readonly string[];
  /** Outputs always stored as Pulumi secrets. */
  secretOutputs?: readonly string[];
  /** The inputs, when they are more than the arguments as written (a secret wrapped, a default). */
  inputs?(args: Args, name: string, opts: pulumi.CustomResourceOptions | undefined): object;
  /** Runs once the resource is registered (warnings about its arguments). */
  registered?(resource: pulumi.CustomResource, args: Args): void;
}

/**
 * The base of a resource class of this package: its constructor, `get` and
 * `isInstance`. An instance has one output for each of `Properties`.
 */
export interface PackageResourceClass<Args, Properties> {
  /** Registers the resource: see each class. */
  new (name: string, args: Args, opts?: pulumi.CustomResourceOptions): pulumi.dynamic.Resource & OutputsOf<Properties>;
  /**
   * Reads an existing resource without managing it; the resource id format is
   * in the class's description. An explicit `Provider` goes in `opts`, as for
   * the constructor.
   */
  get<Resource>(
    this: new (name: string, args: Args, opts?: pulumi.CustomResourceOptions) => Resource,
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: StateOf<Properties>,
    opts?: pulumi.CustomResourceOptions,
  ): Resource;
  /** True only for instances of this class (the inherited check is true for any custom resource). */
  isInstance<Resource>(this: abstract new (...args: never[]) => Resource, obj: unknown): obj is Resource;
}

/** The base class of a resource class of this package, made from its {@link ResourceDefinition}. */
export function resourceClass<Args extends object, Properties extends object>(
  definition: ResourceDefinition<Args>,
): PackageResourceClass<Args, Properties> {
  const provider = serializableProvider(definition.kind);

  return class PackageResource extends pulumi.dynamic.Resource {
    constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions) {
      const written = definition.inputs ? definition.inputs(args, name, opts) : { ...args };
      const seeded = Object.fromEntries((definition.outputs ?? []).map((output) => [output, undefined]));
      const inputs = resourceInputs({ ...written, ...seeded }, opts, definition.secretOutputs);
      super(provider, name, inputs.props, inputs.opts, "mongodbatlas", definition.type);
      brand(this, definition.type);
      definition.registered?.(this, args);
    }

    static get<Resource>(
      this: new (name: string, args: Args, opts?: pulumi.CustomResourceOptions) => Resource,
      name: string,
      id: pulumi.Input<pulumi.ID>,
      state?: StateOf<Properties>,
      opts?: pulumi.CustomResourceOptions,
    ): Resource {
      const read = getArguments(state, opts);
      return new this(name, read.state as unknown as Args, { ...read.opts, id });
    }

    static override isInstance<Resource>(
      this: abstract new (...args: never[]) => Resource,
      obj: unknown,
    ): obj is Resource {
      return isKind(obj, definition.type);
    }
  } as unknown as PackageResourceClass<Args, Properties>;
}

/**
 * Takes an explicit {@link Provider} out of the options and into a secret
 * input, marks the secret outputs, and passes on the warnings of the stack
 * config's credentials when no provider is named.
 */
function resourceInputs(
  props: object,
  opts: pulumi.CustomResourceOptions | undefined,
  secretNames: readonly string[] = [],
): { props: pulumi.Inputs; opts: pulumi.CustomResourceOptions } {
  const separated = separateProvider(opts);
  if (!separated.provider) warnAboutCredentials();
  return {
    props: { ...props, ...credentialsInput(separated.provider) },
    opts: secretOutputs(separated.opts, [...secretNames, CREDENTIALS_PROPERTY]),
  };
}

/**
 * Arguments of `get(name, id, state?, opts?)`. Before 0.2 the third argument
 * was the options; a third argument that is a resource-options object (it
 * names a parent, a provider, dependencies, …) is still read as options.
 */
function getArguments<State extends object>(
  state: State | pulumi.CustomResourceOptions | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): { state: State; opts: pulumi.CustomResourceOptions | undefined } {
  if (opts === undefined && state !== undefined && OPTION_NAMES.some((name) => name in state)) {
    return { state: {} as State, opts: state as pulumi.CustomResourceOptions };
  }
  return { state: (state ?? {}) as State, opts };
}

const OPTION_NAMES = [
  "parent",
  "provider",
  "providers",
  "dependsOn",
  "protect",
  "ignoreChanges",
  "aliases",
  "retainOnDelete",
];
