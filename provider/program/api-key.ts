import { keyResourceClass, type KeyOptionArgs, type KeyProperties } from "./key-class";
import type { ArgsOf, StateOf } from "./resource-properties";

/**
 * What an {@link ApiKey} holds: each is an output of the class and may be given
 * to {@link ApiKey.get}. Names match `mongodbatlas.ApiKey` of `@pulumi/mongodbatlas`.
 */
export interface ApiKeyProperties extends KeyProperties {
  /** Organization the key belongs to (24-hex id). Changing it replaces the key. */
  orgId: string;
  /** Description, 1 to 250 characters. Updated in place. */
  description: string;
  /**
   * Organization roles, e.g. `["ORG_READ_ONLY"]`. Compared as a set (order and
   * duplicates ignored; outputs hold them sorted); updated in place.
   */
  roleNames: string[];
}

/** Arguments of {@link ApiKey}: the key's organization, description and roles, and the options every key takes. */
export interface ApiKeyArgs extends ArgsOf<ApiKeyProperties, "orgId" | "description" | "roleNames">, KeyOptionArgs {}

/** Known properties of an {@link ApiKey}, for {@link ApiKey.get}. Names match `mongodbatlas.ApiKeyState`. */
export type ApiKeyState = StateOf<ApiKeyProperties>;

/**
 * A MongoDB Atlas organization API key (`/api/atlas/v2/orgs/{orgId}/apiKeys`).
 * The private key is returned by Atlas once, at creation, and kept only as a
 * Pulumi secret. Resource id: `orgId/apiKeyId`; with a rotation policy
 * `orgId/rotating/<id of the first key>`, which stays the same across rotations
 * (the current key is `apiKeyId`). `ApiKey.get` reads an existing key without
 * managing it; its `privateKey` is "" (Atlas never returns it again).
 */
export class ApiKey extends keyResourceClass<ApiKeyArgs, ApiKeyProperties>({
  kind: "apiKey",
  type: "ApiKey",
  outputs: ["apiKeyId", "publicKey", "privateKey"],
}) {}
