import { AtlasDomainError } from "./domain-error";
import { blockContains, isSingleHost, parseAddress, parseBlock, type ParsedBlock } from "./ip-address";
import { invalidAttribute, isAbsent, rejectUnknownAttributes, requireArray, requireObject } from "./validation";

/*
 * Rules shared by the access lists of API keys and of service accounts: parsing the items of an
 * add request, all-or-nothing duplicate checks, matching a caller's address, and the refusal to
 * remove the caller's own address.
 */

/**
 * The items of an add request, parsed and checked against each other and against the `existing`
 * entries: 400 `DUPLICATE_ADDRESSES_IN_INPUT`, 409 `ADDRESS_ALREADY_IN_ACCESS_LIST`.
 */
export function parseNewEntries(input: unknown, existing: ReadonlyArray<{ cidrBlock: string }>): ParsedBlock[] {
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
export function appendEntries<T extends { cidrBlock: string; ipAddress?: string }>(
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
export function indexOfBlock<T extends { cidrBlock: string }>(entries: T[], address: string): number {
  const block = parseBlock(address);
  return block ? entries.findIndex((e) => e.cidrBlock === block.cidr) : -1;
}

/**
 * Counts a request from `ip` on every entry that contains it, through `touch` (each kind of list
 * names its usage fields as its API does); false when no entry contains it.
 */
export function recordUseOn<T extends { cidrBlock: string }>(
  entries: T[],
  ip: string,
  touch: (entry: T, address: string) => void,
): boolean {
  const { address, matches } = entriesContaining(entries, ip);
  for (const entry of matches) touch(entry, address);
  return matches.length > 0;
}

/** The entries whose block contains `ip`, and `ip` in canonical form. */
export function entriesContaining<T extends { cidrBlock: string }>(
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
export function refuseCallerRemoval(cidrBlock: string, callerIp: string | undefined): void {
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
export function parseEntryInput(item: unknown): ParsedBlock {
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
