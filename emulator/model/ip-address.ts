/**
 * IPv4 / IPv6 addresses and CIDR blocks for API key access lists.
 *
 * Canonical forms: IPv4 dotted quad without leading zeros; IPv6 as eight lowercase groups
 * without leading zeros and without `::` compression (`2001:db8:0:0:0:0:0:1`). That IPv6 form
 * is what Java's `Inet6Address.getHostAddress()` prints, and it is the only IPv6 form the
 * spec's `ipAddress` pattern (`([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}`) accepts, so responses stay
 * valid against the spec whatever form the client sent.
 */

/** A parsed address. */
export interface ParsedAddress {
  family: 4 | 6;
  /** Canonical text form. */
  canonical: string;
  /** The address as an integer, for containment checks. */
  value: bigint;
}

/** A parsed CIDR block. */
export interface ParsedBlock extends ParsedAddress {
  prefix: number;
  /** `canonical/prefix`. */
  cidr: string;
}

const IPV4_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses one address; `undefined` when it is neither valid IPv4 nor valid IPv6. */
export function parseAddress(text: string): ParsedAddress | undefined {
  return text.includes(":") ? parseIpv6(text) : parseIpv4(text);
}

/**
 * Parses `address/prefix`; without a prefix the block is the single host (`/32`, `/128`).
 * The prefix must fit the family (0..32 or 0..128).
 */
export function parseBlock(text: string): ParsedBlock | undefined {
  const slash = text.indexOf("/");
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const max = address.family === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > max) return undefined;
  }
  return { ...address, prefix, cidr: `${address.canonical}/${prefix}` };
}

/** True when the block is one host (`/32` or `/128`). */
export function isSingleHost(block: ParsedBlock): boolean {
  return block.prefix === (block.family === 4 ? 32 : 128);
}

/** True when `address` falls inside `block` (same family, same leading `prefix` bits). */
export function blockContains(block: ParsedBlock, address: ParsedAddress): boolean {
  if (block.family !== address.family) return false;
  const width = BigInt(block.family === 4 ? 32 : 128);
  const shift = width - BigInt(block.prefix);
  return block.value >> shift === address.value >> shift;
}

/** Node reports IPv4 peers on dual-stack sockets as `::ffff:a.b.c.d`; Atlas would see `a.b.c.d`. */
export function normalizePeerAddress(remote: string | undefined): string {
  if (!remote) return "";
  return remote.startsWith("::ffff:") && remote.includes(".") ? remote.slice(7) : remote;
}

function parseIpv4(text: string): ParsedAddress | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p) && Number(p) <= 255)) return undefined;
  const value = parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
  return { family: 4, canonical: parts.map(Number).join("."), value };
}

function parseIpv6(text: string): ParsedAddress | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : halves[0].split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? halves[1].split(":") : [];
  const groups = [...head, ...tail];
  if (!groups.every((g) => IPV6_GROUP.test(g))) return undefined;
  const missing = 8 - groups.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const full = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const numbers = full.map((g) => parseInt(g, 16));
  const value = numbers.reduce((acc, n) => (acc << 16n) | BigInt(n), 0n);
  return { family: 6, canonical: numbers.map((n) => n.toString(16)).join(":"), value };
}
