import type { Failures } from "./check-failures";
import { absent, checkId, checkPrivateKey } from "./validators";

/**
 * Adoption of an existing key (`adoptApiKeyId`, `adoptPrivateKey`), as ApiKey and ProjectApiKey
 * both offer it: dynamic resources cannot be imported, so `create` takes the key over instead.
 */

/** The adoption inputs of a key resource. */
export interface AdoptionInputs {
  adoptApiKeyId?: string;
  /** The adopted key's private key, in clear in the provider; never copied to the outputs. */
  adoptPrivateKey?: string;
}

/** What the outputs of a key resource say of the key they hold. */
interface HeldKey {
  apiKeyId: string;
  privateKey: string;
  adoptApiKeyId?: string;
  rotatedAt?: string;
}

/** Checks `adoptApiKeyId` (a key id) and `adoptPrivateKey` (a private key, only with an id). */
export function checkAdoption(failures: Failures, news: { adoptApiKeyId?: unknown; adoptPrivateKey?: unknown }) {
  const adoption: AdoptionInputs = {
    adoptApiKeyId: absent(news.adoptApiKeyId) ? undefined : checkId(failures, "adoptApiKeyId", news.adoptApiKeyId),
    adoptPrivateKey: absent(news.adoptPrivateKey) ? undefined : (news.adoptPrivateKey as string),
  };
  if (!absent(news.adoptPrivateKey) && absent(news.adoptApiKeyId)) {
    failures.add(
      "adoptPrivateKey",
      "adoptPrivateKey is only used with adoptApiKeyId: set adoptApiKeyId to the id of the key it belongs to.",
    );
  } else if (!absent(news.adoptPrivateKey)) {
    checkPrivateKey(failures, news.adoptPrivateKey);
  }
  return adoption;
}

/** The diff of the adoption inputs: another key replaces; a new private key for the held key updates. */
export function diffAdoption(olds: HeldKey, news: AdoptionInputs): { replaces: string[]; updates: string[] } {
  return {
    replaces: adoptsAnother(olds, news) ? ["adoptApiKeyId"] : [],
    updates: adoptedKeyIsCurrent(olds, news) && news.adoptPrivateKey !== olds.privateKey ? ["adoptPrivateKey"] : [],
  };
}

/**
 * A different key to adopt: a replacement. Once a rotation replaced the adopted key, the
 * unchanged `adoptApiKeyId` names a key that is gone on purpose: not a change.
 */
function adoptsAnother(olds: HeldKey, news: AdoptionInputs): boolean {
  if (news.adoptApiKeyId === undefined || news.adoptApiKeyId === olds.apiKeyId) return false;
  return news.adoptApiKeyId !== olds.adoptApiKeyId || olds.rotatedAt === undefined;
}

/** `adoptPrivateKey` describes the current key only while the adopted key is still current. */
export function adoptedKeyIsCurrent(olds: HeldKey, news: AdoptionInputs): boolean {
  return news.adoptPrivateKey !== undefined && news.adoptApiKeyId === olds.apiKeyId;
}

/** The outputs never hold `adoptPrivateKey`: the key's secret lives in `privateKey` only. */
export function withoutAdoptedSecret<T extends AdoptionInputs>(inputs: T): Omit<T, "adoptPrivateKey"> {
  const { adoptPrivateKey: _secret, ...rest } = inputs;
  return rest;
}
