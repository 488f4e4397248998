import type * as pulumi from "@pulumi/pulumi";
import { CREDENTIALS_PROPERTY, isExplicitSettings, type ExplicitSettings } from "../config/explicit";
import type { HandlerContext, KindHandlers } from "../resources/common/contract";

/** What the stub calls for one resource kind: the dynamic provider interface minus `configure`. */
export interface ResourceHandlers<Inputs, Outputs> {
  check(olds: Partial<Inputs>, news: Partial<Inputs>): Promise<pulumi.dynamic.CheckResult<Inputs>>;
  diff(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult<Outputs>>;
  read(id: string, props?: Partial<Outputs>): Promise<pulumi.dynamic.ReadResult<Outputs>>;
  update(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult<Outputs>>;
  delete(id: string, props: Outputs): Promise<void>;
}

/**
 * Gives a kind's handlers their context at each call: the connection of the
 * explicit `Provider` the resource names, else the stack config's. The
 * provider's settings travel in the `__credentials` property (a secret in the
 * state); this is the one place that reads it. Handlers never see it: it is
 * taken out of their inputs and put back into what they return, so that
 * `read` and `delete`, which get only the outputs, use the same credentials.
 * A change of credentials alone is an update (with no Atlas call) that stores
 * the new ones.
 */
export function bindHandlers<Inputs, Outputs>(
  kind: KindHandlers<Inputs, Outputs>,
  contextFor: (explicit?: ExplicitSettings) => HandlerContext,
): ResourceHandlers<Inputs, Outputs> {
  const ctx = (carried: Carried) => contextFor(isExplicitSettings(carried.value) ? carried.value : undefined);
  return {
    check: async (olds, news) => {
      const [oldInputs] = split(olds);
      const [newInputs, carried] = split(news);
      const result = await kind.check(ctx(carried), oldInputs, newInputs);
      return result.inputs ? { ...result, inputs: join(result.inputs, carried) } : result;
    },
    diff: async (id, olds, news) => {
      const [oldOutputs, before] = split(olds);
      const [newInputs, after] = split(news);
      const result = await kind.diff(ctx(after), id, oldOutputs, newInputs);
      const moved = JSON.stringify(before.value ?? null) !== JSON.stringify(after.value ?? null);
      return moved && !result.changes ? { ...result, changes: true } : result;
    },
    create: async (inputs) => {
      const [rest, carried] = split(inputs);
      const result = await kind.create(ctx(carried), rest);
      return { ...result, outs: join(result.outs, carried) };
    },
    read: async (id, props) => {
      const [rest, carried] = split(props);
      const result = await kind.read(ctx(carried), id, rest);
      if (!result.id) return result;
      return {
        ...result,
        props: result.props && join(result.props, carried),
        inputs: result.inputs && join(result.inputs, carried),
      } as pulumi.dynamic.ReadResult<Outputs>;
    },
    update: async (id, olds, news) => {
      const [oldOutputs] = split(olds);
      const [newInputs, carried] = split(news);
      const result = await kind.update(ctx(carried), id, oldOutputs, newInputs);
      return { ...result, outs: join(result.outs, carried) };
    },
    delete: async (id, props) => {
      const [rest, carried] = split(props);
      await kind.delete(ctx(carried), id, rest);
    },
  };
}

/** The `__credentials` value as received: settings, the preview's unknown marker, or nothing. */
interface Carried {
  value?: unknown;
}

function split<T>(props: T): [T, Carried] {
  if (!props || typeof props !== "object" || !(CREDENTIALS_PROPERTY in props)) return [props, {}];
  const { [CREDENTIALS_PROPERTY]: value, ...rest } = props as Record<string, unknown>;
  return [rest as T, { value }];
}

function join<T>(props: T, carried: Carried): T {
  return carried.value === undefined || carried.value === null
    ? props
    : ({ ...props, [CREDENTIALS_PROPERTY]: carried.value } as T);
}
