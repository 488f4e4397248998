/**
 * A dynamic resource that calls nothing: it exercises the engine path (serialization, the
 * dynamic-provider plugin, state, secrets) without any API, for engine tests and benchmarks.
 */
import * as pulumi from "@pulumi/pulumi";

/** Inputs of a {@link NoopResource}. */
export interface NoopResourceArgs {
  /** Any value; it also makes the id. */
  value: pulumi.Input<string>;
  /** Optional value kept secret by the engine when passed as a secret. */
  secretValue?: pulumi.Input<string>;
}

// Self-contained (no captured imports) so it serializes to a few lines of state.
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    // Outputs must not contain undefined values, so optional ones are copied only when set.
    const outs: Record<string, string> = { value: inputs.value };
    if (inputs.secretValue !== undefined) outs.secretValue = inputs.secretValue;
    return { id: `noop-${inputs.value}`, outs };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value || olds.secretValue !== news.secretValue };
  },
  async update(_id, _olds, news) {
    const outs: Record<string, string> = { value: news.value };
    if (news.secretValue !== undefined) outs.secretValue = news.secretValue;
    return { outs };
  },
  async read(id, props) {
    return { id, props };
  },
  async delete() {
    // Nothing to delete.
  },
};

/** A resource managed by a provider that does nothing but echo its inputs. */
export class NoopResource extends pulumi.dynamic.Resource {
  declare readonly value: pulumi.Output<string>;
  declare readonly secretValue: pulumi.Output<string | undefined>;

  constructor(name: string, args: NoopResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, { secretValue: undefined, ...args }, opts);
  }
}
