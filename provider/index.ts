/**
 * pulumi-mongodbatlas-apikeys: MongoDB Atlas programmatic API keys as Pulumi
 * resources. Property names follow `@pulumi/mongodbatlas`, so migrating is
 * mostly a change of import.
 */
export { ApiKey, type ApiKeyArgs } from "./resources/api-key/resource";
export {
  ProjectApiKey,
  type ProjectApiKeyArgs,
  type ProjectApiKeyProjectAssignment,
} from "./resources/project-api-key/resource";
export {
  ApiKeyProjectAssignment,
  type ApiKeyProjectAssignmentArgs,
} from "./resources/api-key-project-assignment/resource";
export { AccessListApiKey, type AccessListApiKeyArgs } from "./resources/access-list-api-key/resource";
export {
  getApiKey,
  listApiKeys,
  listProjectApiKeys,
  type ApiKeyInfo,
  type GetApiKeyArgs,
  type ListApiKeysArgs,
  type ListProjectApiKeysArgs,
} from "./lookups";
export { ORG_ROLES, KNOWN_PROJECT_ROLES } from "./shared/roles";
