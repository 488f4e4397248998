/**
 * pulumi-mongodbatlas-apikeys: MongoDB Atlas programmatic API keys as Pulumi
 * resources. Property names follow `@pulumi/mongodbatlas`, so migrating is
 * mostly a change of import.
 */
export { ApiKey, type ApiKeyArgs, type RotationPolicyArgs } from "./program/api-key";
export { ProjectApiKey, type ProjectApiKeyArgs, type ProjectApiKeyProjectAssignment } from "./program/project-api-key";
export { ApiKeyProjectAssignment, type ApiKeyProjectAssignmentArgs } from "./program/api-key-project-assignment";
export { AccessListApiKey, type AccessListApiKeyArgs } from "./program/access-list-api-key";
export { ServiceAccount, type ServiceAccountArgs, type ServiceAccountSecretInfo } from "./program/service-account";
export { ServiceAccountSecret, type ServiceAccountSecretArgs } from "./program/service-account-secret";
export {
  ServiceAccountProjectAssignment,
  type ServiceAccountProjectAssignmentArgs,
} from "./program/service-account-project-assignment";
export {
  ServiceAccountAccessListEntry,
  type ServiceAccountAccessListEntryArgs,
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
} from "./program/service-account-lookups";
export type * from "./program/service-account-lookup-types";
export {
  getApiKey,
  listApiKeys,
  listProjectApiKeys,
  type ApiKeyInfo,
  type GetApiKeyArgs,
  type ListApiKeysArgs,
  type ListProjectApiKeysArgs,
} from "./program/lookups";
export { ORG_ROLES, KNOWN_PROJECT_ROLES } from "./shared/roles";
