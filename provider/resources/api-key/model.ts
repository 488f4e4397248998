import { sameRoles } from "../../shared/roles";
import { normalizeEntries, sameEntries } from "../../shared/access-list";
import type { KeyFacts } from "../../shared/key-facts";
import { sameMap } from "../../shared/maps";
import type { RotationPolicy } from "../../shared/rotation-policy";
import type { RotationOutputs } from "../../shared/rotation-record";
import { diffAdoption, withoutAdoptedSecret, type AdoptionInputs } from "../../shared/adoption";

/** Checked inputs of ApiKey, as the provider sees them (plain values, secrets in clear). */
export interface ApiKeyInputs extends AdoptionInputs {
  orgId: string;
  description: string;
  roleNames: string[];
  accessList?: string[];
  keepers?: Record<string, string>;
  rotation?: RotationPolicy;
}

/** Outputs of ApiKey: the inputs plus what Atlas assigned, plus the rotation fields under a policy. */
export interface ApiKeyOutputs extends ApiKeyInputs, RotationOutputs {
  apiKeyId: string;
  publicKey: string;
  /** Clear private key from the create response (or `adoptPrivateKey`); "" when unknown. */
  privateKey: string;
}

/** The resource id: `orgId/apiKeyId`, the same text `ApiKey.get` takes. */
export function apiKeyResourceId(orgId: string, apiKeyId: string): string {
  return `${orgId}/${apiKeyId}`;
}

/**
 * The diff the engine shows. Replacement for identity (`orgId`), for `keepers`
 * (rotation) and for adopting a different key; in-place update for description,
 * roles (as a set) and the access list (as a set). The private key is not an
 * input, so its redaction by Atlas never shows.
 */
export function diffApiKey(olds: ApiKeyOutputs, news: ApiKeyInputs): { replaces: string[]; updates: string[] } {
  const replaces: string[] = [];
  if (olds.orgId !== news.orgId) replaces.push("orgId");
  if (!sameMap(olds.keepers, news.keepers)) replaces.push("keepers");
  const adoption = diffAdoption(olds, news);
  replaces.push(...adoption.replaces);
  const updates: string[] = [];
  if (olds.description !== news.description) updates.push("description");
  if (!sameRoles(olds.roleNames, news.roleNames)) updates.push("roleNames");
  if (!sameEntries(olds.accessList, news.accessList)) updates.push("accessList");
  updates.push(...adoption.updates);
  return { replaces, updates };
}

/**
 * Builds outputs. `adoptPrivateKey` is never copied to outputs: the key's
 * secret lives in `privateKey` only, which the resource declares secret.
 */
export function toOutputs(
  inputs: ApiKeyInputs,
  facts: KeyFacts,
  privateKey: string,
  accessList: string[] | undefined,
): ApiKeyOutputs {
  return {
    ...withoutAdoptedSecret(inputs),
    description: facts.description,
    roleNames: facts.roleNames,
    accessList: inputs.accessList === undefined ? undefined : normalizeEntries(accessList ?? []),
    apiKeyId: facts.apiKeyId,
    publicKey: facts.publicKey,
    privateKey,
  };
}
