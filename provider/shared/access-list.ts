import { isIP } from "net";

/**
 * Access-list entries are single addresses or CIDR blocks. Atlas stores a
 * single address `a.b.c.d` as `a.b.c.d/32` and reports both forms, so a
 * naive comparison between what the user wrote and what Atlas returns
 * re-plans every entry (terraform-provider-mongodbatlas #1984). Every
 * comparison here goes through `canonicalEntry`.
 */
export interface ParsedEntry {
  /** The canonical form: the bare address for a single host, the network CIDR otherwise. */
  entry: string;
  /** The CIDR form Atlas reports in `cidrBlock` (a single host gets /32 or /128). */
  cidrBlock: string;
  /** Set when the entry is a single host. */
  ipAddress?: string;
}

/**
 * Parses an address or CIDR, or returns a message naming the problem and the fix. `userInput`
 * (validation of what a program declares) also refuses the IPv6 forms Atlas does not take; values
 * from Atlas or from state written by earlier releases are parsed leniently, so they stay readable.
 */
export function parseEntry(property: string, value: unknown, userInput = false): ParsedEntry | string {
  if (typeof value !== "string" || value.trim() === "") {
    return `${property} must be an IP address (203.0.113.7) or a CIDR block (203.0.113.0/24).`;
  }
  const [address, prefixText, extra] = value.trim().split("/");
  const family = isIP(address);
  const width = family === 4 ? 32 : 128;
  if (family === 0 || extra !== undefined) {
    return `${property}: "${value}" is not an IP address or CIDR block. Use forms like 203.0.113.7 or 203.0.113.0/24.`;
  }
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? "0") || prefix > width) {
    return `${property}: "${value}" has an invalid prefix length; use /0 to /${width}.`;
  }
  const unsupported = userInput && family === 6 ? ipv6FormProblem(property, value, address, prefix) : undefined;
  if (unsupported) return unsupported;
  const bits = addressToBigInt(address, family);
  const hostBits = BigInt(width - prefix);
  const network = (bits >> hostBits) << hostBits;
  if (network !== bits) {
    const suggestion = `${bigIntToAddress(network, family)}/${prefix}`;
    return `${property}: "${value}" has host bits set; use the network address "${suggestion}".`;
  }
  const canonicalAddress = bigIntToAddress(bits, family);
  if (prefix === width) {
    return { entry: canonicalAddress, cidrBlock: `${canonicalAddress}/${width}`, ipAddress: canonicalAddress };
  }
  const cidrBlock = `${canonicalAddress}/${prefix}`;
  return { entry: cidrBlock, cidrBlock };
}

/** The canonical form of a valid entry (throws on an invalid one; validate first). */
export function canonicalEntry(value: string): string {
  const parsed = parseEntry("entry", value);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed.entry;
}

/** Canonical, sorted and de-duplicated: access lists are sets. */
export function normalizeEntries(values: readonly string[]): string[] {
  return [...new Set(values.map(canonicalEntry))].sort();
}

/** Access lists compare as canonical sets; an absent list means "not managed". */
export function sameEntries(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = normalizeEntries(a);
  const y = normalizeEntries(b);
  return x.length === y.length && x.every((entry, i) => entry === y[i]);
}

/** The request body item Atlas expects for a canonical entry. */
export function toRequestEntry(entry: string): { ipAddress: string } | { cidrBlock: string } {
  return entry.includes("/") ? { cidrBlock: entry } : { ipAddress: entry };
}

/** The canonical entries of an access list as Atlas returns it. */
export function entriesOf(list: readonly { ipAddress?: string; cidrBlock: string }[]): string[] {
  return normalizeEntries(list.map((item) => item.ipAddress ?? item.cidrBlock));
}

/** What to add and remove to turn `current` into `desired` (both canonical sets). */
export function setDelta(current: readonly string[], desired: readonly string[]): { add: string[]; remove: string[] } {
  return {
    add: desired.filter((entry) => !current.includes(entry)),
    remove: current.filter((entry) => !desired.includes(entry)),
  };
}

/**
 * IPv6 forms Atlas's access list does not take, refused rather than rewritten (the spec's
 * patterns allow hexadecimal groups only): a zone id (`fe80::1%eth0`, meaningless off the
 * host, which Node's parser accepts and this parser used to drop), an IPv4 tail
 * (`::ffff:192.0.2.1`), and IPv4-mapped addresses, which name an IPv4 client and must be
 * written as one (`192.0.2.1`).
 */
function ipv6FormProblem(property: string, value: string, address: string, prefix: number): string | undefined {
  const zone = address.indexOf("%");
  if (zone >= 0) {
    return `${property}: "${value}" has a zone id ("${address.slice(zone)}"); Atlas access lists take no zone ids: remove "${address.slice(zone)}".`;
  }
  const bits = addressToBigInt(address, 6);
  if (bits >> 32n === 0xffffn && prefix >= 96) {
    const ipv4 = bigIntToAddress(bits & 0xffffffffn, 4);
    const suggestion = prefix === 128 ? ipv4 : `${ipv4}/${prefix - 96}`;
    return `${property}: "${value}" is an IPv4-mapped IPv6 address; Atlas sees such a client as IPv4: write "${suggestion}" instead.`;
  }
  if (address.includes(".")) {
    const hex = bigIntToAddress(bits, 6);
    const suggestion = prefix === 128 ? hex : `${hex}/${prefix}`;
    return `${property}: "${value}" ends in IPv4 notation, which Atlas does not accept in an IPv6 address: write "${suggestion}" instead.`;
  }
  return undefined;
}

function addressToBigInt(address: string, family: number): bigint {
  if (family === 4) {
    return address.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
  }
  return expandIPv6(address).reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function bigIntToAddress(value: bigint, family: number): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
  }
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((value >> shift) & 0xffffn).toString(16));
  return compressIPv6(groups);
}

/** Expands `::` and an embedded IPv4 tail into eight 16-bit groups. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const n = addressToBigInt(v4[1], 4);
    text = text.replace(v4[1], `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`);
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right];
}

/** RFC 5952 text form: the longest run of zero groups (two or more) becomes `::`. */
function compressIPv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (bestStart < 0) return groups.join(":");
  const left = groups.slice(0, bestStart).join(":");
  const right = groups.slice(bestStart + bestLength).join(":");
  return `${left}::${right}`;
}
