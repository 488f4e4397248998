import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import { blockContains, isSingleHost, parseAddress, parseBlock, type ParsedBlock } from "./ip-address";
import { invalidAttribute, isAbsent, rejectUnknownAttributes, requireArray, requireObject } from "./validation";

/*
 * Rules shared by the access lists of API keys and of service accounts: parsing the items of an
 * add request, all-or-nothing duplicate checks, matching a caller's address, and the refusal to
 * remove the caller's own address. The operations below serve both kinds; a {@link ListKind}
 * says what differs between them.
 */

/** What every access-list entry has, whatever its kind. */
interface Entry {
  cidrBlock: string;
  ipAddress?: string;
}

/**
 * What differs between the access lists of API keys and of service accounts, as their APIs have
 * it: how errors name the owner, the 404 code for a missing entry, a limit on the entries, and
 * the names of the fields an entry keeps about its creation and use.
 */
export interface ListKind<Owner extends { accessList: T[] }, T extends Entry> {
  /** The owner in error details: "API key", "service account". */
  readonly ownerNoun: string;
  /** The owner's id in error details. */
  idOf(owner: Owner): string;
  /** 404 code when no entry of the list is the address asked for. */
  readonly notFoundCode: string;
  /** The most entries a list may hold and the code past it; no limit when absent. */
  readonly limit?: { readonly max: number; readonly code: string };
  /** A new entry for `cidrBlock`, created at `now` and not used yet. */
  fresh(cidrBlock: string, now: string): T;
  /** Counts one request from `address` at `now` on the entry. */
  touch(entry: T, address: string, now: string): void;
}

/** Adds one entry per item of an add request, all or none, and returns the owner's whole list. */
export function addEntries<Owner extends { accessList: T[] }, T extends Entry>(
  ctx: ModelContext,
  kind: ListKind<Owner, T>,
  owner: Owner,
  input: unknown,
): T[] {
  const blocks = parseNewEntries(input, owner.accessList);
  if (kind.limit && owner.accessList.length + blocks.length > kind.limit.max) {
    throw new AtlasDomainError(
      kind.limit.code,
      `A ${kind.ownerNoun} may have at most ${kind.limit.max} access-list entries.`,
      [kind.limit.max],
    );
  }
  const now = ctx.timestamp();
  return appendEntries(owner.accessList, blocks, (cidrBlock) => kind.fresh(cidrBlock, now));
}

/** The entry `address` names (`1.2.3.4` or `1.2.3.4/32`, path already decoded); 404 when none does. */
export function requireEntry<Owner extends { accessList: T[] }, T extends Entry>(
  kind: ListKind<Owner, T>,
  owner: Owner,
  address: string,
): T {
  return owner.accessList[requireIndex(kind, owner, address)];
}

/**
 * Removes the entry `address` names (404 when none does), unless `callerIp`, the address of the
 * owner calling about its own list, falls in it ({@link refuseCallerRemoval}).
 */
export function removeEntry<Owner extends { accessList: T[] }, T extends Entry>(
  kind: ListKind<Owner, T>,
  owner: Owner,
  address: string,
  callerIp: string | undefined,
): void {
  const index = requireIndex(kind, owner, address);
  refuseCallerRemoval(owner.accessList[index].cidrBlock, callerIp);
  owner.accessList.splice(index, 1);
}

/** Counts a request from `ip` on every entry of the owner's list that contains it; false when none does. */
export function recordUse<Owner extends { accessList: T[] }, T extends Entry>(
  ctx: ModelContext,
  kind: ListKind<Owner, T>,
  owner: Owner,
  ip: string,
): boolean {
  const { address, matches } = entriesContaining(owner.accessList, ip);
  for (const entry of matches) kind.touch(entry, address, ctx.timestamp());
  return matches.length > 0;
}

function requireIndex<Owner extends { accessList: T[] }, T extends Entry>(
  kind: ListKind<Owner, T>,
  owner: Owner,
  address: string,
): number {
  const index = indexOfBlock(owner.accessList, address);
  if (index < 0) {
    const id = kind.idOf(owner);
    throw new AtlasDomainError(
      kind.notFoundCode,
      `IP address ${address} not on access list for ${kind.ownerNoun} ${id}.`,
      [address, id],
    );
  }
  return index;
}

/**
 * The items of an add request, parsed and checked against each other and against the `existing`
 * entries: 400 `DUPLICATE_ADDRESSES_IN_INPUT`, 409 `ADDRESS_ALREADY_IN_ACCESS_LIST`.
 */
function parseNewEntries(input: unknown, existing: ReadonlyArray<{ cidrBlock: string }>): ParsedBlock[] {
  const blocks = requireArray(input).map(parseEntryInput);
  const seen = new Set<string>();
  for (const block of blocks) {
    if (seen.has(block.cidr)) {
      throw new AtlasDomainError(
        "DUPLICATE_ADDRESSES_IN_INPUT",
        "Two or more of the IP addresses being added to the access list are the same.",
      );
    }
    seen.add(block.cidr);
    if (existing.some((e) => e.cidrBlock === block.cidr)) {
      // The spec declares 409 for this operation; the live code is unknown. Emulator choice,
      // after the documented ADDRESS_ALREADY_IN_WHITELIST (409).
      throw new AtlasDomainError(
        "ADDRESS_ALREADY_IN_ACCESS_LIST",
        `The address ${block.cidr} is already on the access list.`,
        [block.cidr],
      );
    }
  }
  return blocks;
}

/** Appends one fresh entry per block (`ipAddress` set for a single host) and returns the list. */
function appendEntries<T extends Entry>(
  list: T[],
  blocks: readonly ParsedBlock[],
  fresh: (cidrBlock: string) => T,
): T[] {
  for (const block of blocks) {
    const entry = fresh(block.cidr);
    if (isSingleHost(block)) entry.ipAddress = block.canonical;
    list.push(entry);
  }
  return list;
}

/** The index of the entry that `address` names, compared in canonical form; -1 when none does. */
function indexOfBlock(entries: readonly Entry[], address: string): number {
  const block = parseBlock(address);
  return block ? entries.findIndex((e) => e.cidrBlock === block.cidr) : -1;
}

/** The entries whose block contains `ip`, and `ip` in canonical form. */
function entriesContaining<T extends { cidrBlock: string }>(
  entries: T[],
  ip: string,
): { address: string; matches: T[] } {
  const address = parseAddress(ip);
  if (!address) return { address: ip, matches: [] };
  const matches = entries.filter((e) => {
    const block = parseBlock(e.cidrBlock);
    return block !== undefined && blockContains(block, address);
  });
  return { address: address.canonical, matches };
}

/**
 * "You cannot remove the requesting IP address": when the caller owns the list and `callerIp`
 * falls in the entry, 400 `CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST` (after the documented
 * CANNOT_REMOVE_CALLER_FROM_WHITELIST). `callerIp` is undefined when the caller is someone else.
 */
function refuseCallerRemoval(cidrBlock: string, callerIp: string | undefined): void {
  const { address, matches } = entriesContaining([{ cidrBlock }], callerIp ?? "");
  if (callerIp && matches.length > 0) {
    throw new AtlasDomainError(
      "CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST",
      `Cannot remove caller's IP address ${address} from access list.`,
      [address],
    );
  }
}

/** One `{ipAddress}` or `{cidrBlock}` item of an add request, parsed; 400 for anything else. */
function parseEntryInput(item: unknown): ParsedBlock {
  const entry = requireObject(item);
  rejectUnknownAttributes(entry, ["ipAddress", "cidrBlock"]);
  const hasIp = !isAbsent(entry.ipAddress);
  const hasCidr = !isAbsent(entry.cidrBlock);
  if (hasIp && hasCidr) {
    throw new AtlasDomainError(
      "BAD_ACCESS_LIST_ADD_REQUEST",
      "Should not specify both the IP address and the CIDR block.",
    );
  }
  if (!hasIp && !hasCidr) {
    throw new AtlasDomainError(
      "MISSING_ONE_OF_ATTRIBUTES",
      "Either the ipAddress attribute or the cidrBlock attribute must be specified.",
      ["ipAddress", "cidrBlock"],
    );
  }
  const attribute = hasIp ? "ipAddress" : "cidrBlock";
  const text = entry[attribute];
  // A number, object or array is a type error (400), never rendered into the answer.
  if (typeof text !== "string") throw invalidAttribute(attribute);
  // An ipAddress must be a bare address; a cidrBlock must carry its prefix.
  const block = text.includes("/") === hasCidr ? parseBlock(text) : undefined;
  if (!block) {
    throw new AtlasDomainError(
      "INVALID_IP_ADDRESS_OR_CIDR_NOTATION",
      `The address ${text} must be in valid IP address or CIDR notation.`,
      [text],
    );
  }
  return block;
}
