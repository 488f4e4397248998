/**
 * The runtime entry point (`pulumi-mongodbatlas-apikeys/runtime`) that the
 * serialized provider stubs load in the provider process. Its shape —
 * `configure(req)` and `handlers[kind]` — is a contract with state written by
 * every earlier version: extend it, never rename.
 */
import type { ConfigSource } from "./context";
import { configure as configureContext, handlerContext } from "./context";
import type { ResourceKind } from "./serializable";
import type { KindHandlers } from "../resources/common/contract";
import { isPartialFailure } from "../resources/common/applied-steps";
import { CREDENTIALS_PROPERTY } from "../config/explicit";
import { bindHandlers, type ResourceHandlers } from "./explicit-credentials";
import { apiKeyHandlers } from "../resources/api-key/handlers";
import { projectApiKeyHandlers } from "../resources/project-api-key/handlers";
import { assignmentHandlers } from "../resources/api-key-project-assignment/handlers";
import { accessListHandlers } from "../resources/access-list-api-key/handlers";
import { serviceAccountHandlers } from "../resources/service-account/handlers";
import { serviceAccountSecretHandlers } from "../resources/service-account-secret/handlers";
import { serviceAccountAssignmentHandlers } from "../resources/service-account-project-assignment/handlers";
import { serviceAccountAccessListHandlers } from "../resources/service-account-access-list-entry/handlers";

export type { ResourceHandlers } from "./explicit-credentials";

/** Gives a kind's handlers the context of each call (see explicit-credentials.ts). */
function bind<Inputs, Outputs>(kind: KindHandlers<Inputs, Outputs>): ResourceHandlers<Inputs, Outputs> {
  const bound = bindHandlers(kind, handlerContext);
  return {
    ...bound,
    create: async (inputs) => bound.create(inputs).catch(withProvider(inputs as never)),
    update: async (id, olds, news) => bound.update(id, olds, news).catch(withProvider(news as never)),
  };
}

/** Handlers of each resource kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const handlers: Record<ResourceKind, ResourceHandlers<any, any>> = {
  apiKey: bind(apiKeyHandlers),
  projectApiKey: bind(projectApiKeyHandlers),
  apiKeyProjectAssignment: bind(assignmentHandlers),
  accessListApiKey: bind(accessListHandlers),
  serviceAccount: bind(serviceAccountHandlers),
  serviceAccountSecret: bind(serviceAccountSecretHandlers),
  serviceAccountProjectAssignment: bind(serviceAccountAssignmentHandlers),
  serviceAccountAccessListEntry: bind(serviceAccountAccessListHandlers),
};

/**
 * An error carrying `id` and `properties` reaches the dynamic-provider host, which stores the
 * properties as the resource's outputs (a partial result, see applied-steps.ts). The host adds
 * `__provider` (the serialized stub) to the outputs of a successful create or update, but not to
 * those of a partial result, and a resource without it can no longer be read or deleted: so it
 * is added here, from the inputs the host passed (with `__credentials`, see explicit-credentials.ts).
 */
function withProvider(inputs: Record<string, unknown> | undefined) {
  return (error: unknown): never => {
    if (isPartialFailure(error) && inputs?.__provider !== undefined) {
      // An explicit provider's settings go with it, so the partial resource is read and deleted with them.
      const credentials = inputs[CREDENTIALS_PROPERTY];
      Object.assign(error.properties, {
        __provider: inputs.__provider,
        ...(credentials !== undefined && { [CREDENTIALS_PROPERTY]: credentials }),
      });
    }
    throw error;
  };
}

/** Receives the stack config from the dynamic provider host. */
export async function configure(req: { config: ConfigSource }): Promise<void> {
  configureContext(req.config);
}
