/**
 * What the access lists of organization keys and of service accounts have in
 * common: Atlas serves both alike (the same request entries, the same answer to
 * an add), so the client's operations on either are declared with these types.
 */

/** One requested access-list entry: exactly one of the two fields. */
export type AccessListRequestEntry = { ipAddress: string } | { cidrBlock: string };

/**
 * Adds entries to the access list of one credential (`credentialId`: a key's id or
 * an account's client id) and answers with the whole list: Atlas returns its first
 * page, and the client reads every page when more are announced.
 */
export type AddAccessListEntries<Entry> = (
  orgId: string,
  credentialId: string,
  entries: AccessListRequestEntry[],
) => Promise<Entry[]>;
