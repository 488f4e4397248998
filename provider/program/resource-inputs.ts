import type * as pulumi from "@pulumi/pulumi";
import { CREDENTIALS_PROPERTY } from "../config/explicit";
import { credentialsInput, separateProvider } from "./provider";
import { secretOutputs, warnAboutCredentials } from "./warnings";

/**
 * What every resource class of this package does with its inputs and options
 * before registering: takes an explicit {@link Provider} out of the options
 * and into a secret input, marks the secret outputs, and passes on the
 * warnings of the stack config's credentials when no provider is named.
 */
export function resourceInputs<Props extends object>(
  props: Props,
  opts: pulumi.CustomResourceOptions | undefined,
  secretNames: string[] = [],
): { props: Props; opts: pulumi.CustomResourceOptions } {
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
export function getArguments<State extends object>(
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
