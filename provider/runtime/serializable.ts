import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds the runtime serves; these names are part of the state format: never rename one. */
export type ResourceKind = "apiKey" | "projectApiKey" | "apiKeyProjectAssignment" | "accessListApiKey";

/**
 * The object Pulumi serializes into the state of every resource (`__provider`).
 *
 * It is deliberately a thin stub: each method loads this package's runtime at
 * call time, in the provider process, and forwards to it. Why:
 * - the serialized text stays ~2 KB and holds no credential and no client
 *   instance (credentials arrive through `configure`, in the provider process);
 * - `read` and `delete` run the code stored in state, so a stub that forwards to
 *   the installed package lets upgrades fix old resources, instead of freezing
 *   each resource to the code it was created with;
 * - the text is identical on every machine and version, so state does not
 *   churn and the engine never sees a provider change.
 * The module is resolved from the program's directory (the provider process's
 * working directory): through `node_modules` for users, and by the package's
 * self-reference inside this repository. `pulumi-mongodbatlas-apikeys/runtime`
 * and the `handlers[kind]` names are therefore a stable contract.
 */
export function serializableProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // A literal `require` is what the closure serializer keeps as a call, not a copied module.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const load = () =>
    require("module").createRequire(require("path").join(process.cwd(), "index.js"))(
      "pulumi-mongodbatlas-apikeys/runtime",
    );
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().handlers[kind].check(olds, news),
    diff: (id, olds, news) => load().handlers[kind].diff(id, olds, news),
    create: (inputs) => load().handlers[kind].create(inputs),
    read: (id, props) => load().handlers[kind].read(id, props),
    update: (id, olds, news) => load().handlers[kind].update(id, olds, news),
    delete: (id, props) => load().handlers[kind].delete(id, props),
  };
}
