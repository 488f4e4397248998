/**
 * pulumi-mongodbatlas-apikeys: MongoDB Atlas programmatic API keys as Pulumi
 * resources. Property names follow `@pulumi/mongodbatlas`, so migrating is
 * mostly a change of import.
 */
export { ApiKey, type ApiKeyArgs, type ApiKeyProperties, type ApiKeyState } from "./program/api-key";
export { type KeyOptionArgs, type KeyProperties, type RotationPolicyArgs } from "./program/key-class";
export { type InputOf, type OutputsOf, type StateOf } from "./program/resource-properties";
export {
  ProjectApiKey,
  type ProjectApiKeyArgs,
  type ProjectApiKeyProperties,
  type ProjectApiKeyState,
  type ProjectApiKeyProjectAssignment,
} from "./program/project-api-key";
export {
  ApiKeyProjectAssignment,
  type ApiKeyProjectAssignmentArgs,
  type ApiKeyProjectAssignmentProperties,
  type ApiKeyProjectAssignmentState,
} from "./program/api-key-project-assignment";
export {
  AccessListApiKey,
  type AccessListApiKeyArgs,
  type AccessListApiKeyProperties,
  type AccessListApiKeyState,
} from "./program/access-list-api-key";
export { Provider, type ProviderArgs } from "./program/provider";
import * as types from "./types";
/** Nested input and output shapes, as `types.input` / `types.output` of `@pulumi/mongodbatlas`. */
export { types };
export {
  ServiceAccount,
  type ServiceAccountArgs,
  type ServiceAccountProperties,
  type ServiceAccountState,
  type ServiceAccountSecretInfo,
} from "./program/service-account";
export {
  ServiceAccountSecret,
  type ServiceAccountSecretArgs,
  type ServiceAccountSecretProperties,
  type ServiceAccountSecretState,
} from "./program/service-account-secret";
export {
  ServiceAccountProjectAssignment,
  type ServiceAccountProjectAssignmentArgs,
  type ServiceAccountProjectAssignmentProperties,
  type ServiceAccountProjectAssignmentState,
} from "./program/service-account-project-assignment";
export {
  ServiceAccountAccessListEntry,
  type ServiceAccountAccessListEntryArgs,
  type ServiceAccountAccessListEntryProperties,
  type ServiceAccountAccessListEntryState,
} from "./program/service-account-access-list-entry";
export {
  getServiceAccount,
  getServiceAccountOutput,
  getServiceAccounts,
  getServiceAccountsOutput,
  getServiceAccountSecret,
  getServiceAccountSecretOutput,
  getServiceAccountProjectAssignment,
  getServiceAccountProjectAssignmentOutput,
  getServiceAccountProjectAssignments,
  getServiceAccountProjectAssignmentsOutput,
  getServiceAccountAccessListEntry,
  getServiceAccountAccessListEntryOutput,
  getServiceAccountAccessListEntries,
  getServiceAccountAccessListEntriesOutput,
  type InputsOf,
} from "./program/service-account-lookups";
export type * from "./program/service-account-lookup-types";
export {
  getApiKey,
  getApiKeyOutput,
  getApiKeys,
  getApiKeysOutput,
  getProjectApiKey,
  getProjectApiKeyOutput,
  getProjectApiKeys,
  getProjectApiKeysOutput,
  type GetApiKeyArgs,
  type GetApiKeyOutputArgs,
  type GetApiKeyResult,
  type GetApiKeysArgs,
  type GetApiKeysOutputArgs,
  type GetApiKeysResult,
  type GetProjectApiKeyArgs,
  type GetProjectApiKeyOutputArgs,
  type GetProjectApiKeyResult,
  type GetProjectApiKeysArgs,
  type GetProjectApiKeysOutputArgs,
  type GetProjectApiKeysResult,
} from "./program/key-lookups";
export type {
  ListResult,
  Lookup,
  OrgKeyScope,
  OrgScope,
  PageArgs,
  PageResult,
  ProjectScope,
} from "./program/lookup-client";
export {
  getAccessListApiKey,
  getAccessListApiKeyOutput,
  getAccessListApiKeys,
  getAccessListApiKeysOutput,
  getApiKeyProjectAssignment,
  getApiKeyProjectAssignmentOutput,
  getApiKeyProjectAssignments,
  getApiKeyProjectAssignmentsOutput,
  type GetAccessListApiKeyArgs,
  type GetAccessListApiKeyOutputArgs,
  type GetAccessListApiKeyResult,
  type GetAccessListApiKeysArgs,
  type GetAccessListApiKeysOutputArgs,
  type GetAccessListApiKeysResult,
  type GetApiKeyProjectAssignmentArgs,
  type GetApiKeyProjectAssignmentOutputArgs,
  type GetApiKeyProjectAssignmentResult,
  type GetApiKeyProjectAssignmentsArgs,
  type GetApiKeyProjectAssignmentsOutputArgs,
  type GetApiKeyProjectAssignmentsResult,
} from "./program/access-lookups";
export {
  listApiKeys,
  listProjectApiKeys,
  type ApiKeyInfo,
  type ListApiKeysArgs,
  type ListProjectApiKeysArgs,
} from "./program/lookups";
export { ORG_ROLES, KNOWN_PROJECT_ROLES } from "./shared/roles";
