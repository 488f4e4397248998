import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds the runtime serves; these names are part of the state format: never rename one. */
export type ResourceKind =
  | "apiKey"
  | "projectApiKey"
  | "apiKeyProjectAssignment"
  | "accessListApiKey"
  | "serviceAccount"
  | "serviceAccountSecret"
  | "serviceAccountProjectAssignment"
  | "serviceAccountAccessListEntry";

/*
 * The one serialized function (see serializableProvider). Its text is stored twice in every
 * resource, so it is written compactly and holds no comment (comments inside would be stored too).
 * `this` is the provider object (the host calls `provider.configure(req)`), `this.kind` its kind.
 * `createRequire` needs a file name in the directory to resolve from; the file need not exist.
 * A literal `require` is what the closure serializer keeps as a call, not a copied module.
 * The load error names the package, the directory it was looked up from, and the fix.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const configure = function (this: any, req: unknown) {
  const dir = process.cwd();
  const load = () => {
    try {
      return require("module").createRequire(dir + "/x")("pulumi-mongodbatlas-apikeys/runtime");
    } catch (e) {
      throw new Error(
        `Cannot load pulumi-mongodbatlas-apikeys/runtime from ${dir} (${String(e).split("\n")[0]}). Install it in the project: npm install pulumi-mongodbatlas-apikeys`,
      );
    }
  };
  for (const m of "check diff create read update delete".split(" "))
    this[m] = (...a: any[]) => load().handlers[this.kind][m](...a);
  return load().configure(req);
};
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

/**
 * The object Pulumi serializes into the state of every resource (`__provider`).
 *
 * It is deliberately a thin stub that loads this package's runtime in the provider
 * process and forwards to `configure(req)` and `handlers[kind].<method>`. Why:
 * - it holds no credential and no client instance (credentials arrive through
 *   `configure`, in the provider process);
 * - `read` and `delete` run the code stored in state, so a stub that forwards to
 *   the installed package lets upgrades fix old resources, instead of freezing
 *   each resource to the code it was created with;
 * - the text is identical on every machine and version, so state does not churn.
 *
 * Size (~1 KB): the serializer wraps every function in ~200 bytes of scaffolding
 * and the text is stored twice per resource, so the stub holds its kind and one
 * function, `configure`. The host calls `configure` on the provider object before
 * any other method (every `@pulumi/pulumi` since 3.139; the package requires
 * 3.216), and `configure` installs `check`, `diff`, `create`, `read`, `update` and
 * `delete` on that object synchronously, before loading anything: a runtime that
 * fails to load fails every method with the same clear error, and no method is
 * ever missing (the host would skip a missing `delete` silently).
 *
 * The runtime is resolved from the provider process's working directory (the
 * program's directory): through `node_modules` for users, and by the package's
 * self-reference inside this repository. `pulumi-mongodbatlas-apikeys/runtime`
 * and the `handlers[kind]` names are therefore a stable contract.
 */
export function serializableProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // The other methods are installed by `configure`, hence the cast.
  return { kind, configure } as unknown as pulumi.dynamic.ResourceProvider;
}
