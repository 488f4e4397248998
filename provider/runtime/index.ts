/**
 * The runtime entry point (`pulumi-mongodbatlas-apikeys/runtime`) that the
 * serialized provider stubs load in the provider process. Its shape —
 * `configure(req)` and `handlers[kind]` — is a contract with state written by
 * every earlier version: extend it, never rename.
 */
import type { ConfigSource } from "./context";
import { configure as configureContext } from "./context";
import type { ResourceHandlers } from "../resources/common/contract";
import type { ResourceKind } from "./serializable";
import { apiKeyHandlers } from "../resources/api-key/handlers";
import { projectApiKeyHandlers } from "../resources/project-api-key/handlers";
import { assignmentHandlers } from "../resources/api-key-project-assignment/handlers";
import { accessListHandlers } from "../resources/access-list-api-key/handlers";

/** Handlers of each resource kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const handlers: Record<ResourceKind, ResourceHandlers<any, any>> = {
  apiKey: apiKeyHandlers,
  projectApiKey: projectApiKeyHandlers,
  apiKeyProjectAssignment: assignmentHandlers,
  accessListApiKey: accessListHandlers,
};

/** Receives the stack config from the dynamic provider host. */
export async function configure(req: { config: ConfigSource }): Promise<void> {
  configureContext(req.config);
}
