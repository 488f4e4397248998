import { isIP } from "net";
import type { AccessListEntry } from "../atlas/types";

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

/** Parses an address or CIDR, or returns a message naming the problem and the fix. */
export function parseEntry(property: string, value: unknown): ParsedEntry | string {
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

/** The request body item Atlas expects for a canonical entry. */
export function toRequestEntry(entry: string): { ipAddress: string } | { cidrBlock: string } {
  return entry.includes("/") ? { cidrBlock: entry } : { ipAddress: entry };
}

/** The canonical entries of an access list as Atlas returns it. */
export function entriesOf(list: AccessListEntry[]): string[] {
  return normalizeEntries(list.map((item) => item.ipAddress ?? item.cidrBlock));
}

/** What to add and remove to turn `current` into `desired` (both canonical sets). */
export function setDelta(current: readonly string[], desired: readonly string[]): { add: string[]; remove: string[] } {
  return {
    add: desired.filter((entry) => !current.includes(entry)),
    remove: current.filter((entry) => !desired.includes(entry)),
  };
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
