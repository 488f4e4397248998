import type * as pulumi from "@pulumi/pulumi";

/**
 * Each resource class says once what it holds, as a `…Properties` interface of
 * plain values with a doc comment for each property. Its arguments, its outputs
 * and the state its `get` takes are all made from that one list, so they cannot
 * drift apart, and each property is documented in one place.
 */

/**
 * The arguments of a resource whose properties are `Properties`: those named in
 * `Required` and, optional, those named in `Optional`, each an input.
 */
export type ArgsOf<Properties, Required extends keyof Properties, Optional extends keyof Properties = never> = {
  [Name in Required]: InputOf<Properties[Name]>;
} & { [Name in Optional]?: InputOf<Properties[Name]> };

/**
 * The outputs of a resource whose properties are `Properties`: one `Output`
 * for each, as `apiKey.publicKey` is an `Output<string>`.
 */
export type OutputsOf<Properties> = { readonly [Name in keyof Properties]: pulumi.Output<Properties[Name]> };

/**
 * The known properties of an existing resource, for its class's `get`: any of
 * `Properties`, each an input (as `mongodbatlas.ApiKeyState` takes them).
 */
export type StateOf<Properties> = { [Name in keyof Properties]?: InputOf<Properties[Name]> };

/** A value as an input: itself or an `Output` of it, and so each element of a list and each value of a map or object. */
export type InputOf<Value> = pulumi.Input<
  Value extends readonly (infer Element)[]
    ? InputOf<Element>[]
    : Value extends object
      ? { [Name in keyof Value]: InputOf<Value[Name]> }
      : Value
>;
