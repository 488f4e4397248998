/**
 * Seedable pseudo-random source for every identifier the emulator hands out.
 *
 * Deterministic ids make test failures reproducible (same seed, same ids), the way moto
 * seeds its id generator. The generator is sfc32 seeded through cyrb128: small, fast and
 * with a 128-bit state that can be saved in a state file, so a restarted emulator keeps
 * producing fresh ids instead of replaying the ones it already issued.
 *
 * Not for secrets that guard anything real: digest nonces and OAuth tokens come from
 * `crypto` instead (see auth/), because they must not be predictable from the seed.
 */
export class SeededRandom {
  private s: [number, number, number, number];

  /** @param seed any string or number; the same seed always yields the same sequence. */
  constructor(seed: string | number) {
    this.s = cyrb128(String(seed));
    // Discard the first outputs: sfc32 mixes poorly right after seeding.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Restores a generator from {@link SeededRandom.saveState} output. */
  static fromState(state: readonly number[]): SeededRandom {
    if (state.length !== 4 || !state.every((n) => Number.isInteger(n))) {
      throw new TypeError("random state must be four integers");
    }
    const r = new SeededRandom(0);
    r.s = [state[0] >>> 0, state[1] >>> 0, state[2] >>> 0, state[3] >>> 0];
    return r;
  }

  /** The internal state, to persist and later pass to {@link SeededRandom.fromState}. */
  saveState(): number[] {
    return [...this.s];
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    let [a, b, c, d] = this.s;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    this.s = [a >>> 0, b, c, d];
    return t;
  }

  /** Uniform integer in [0, bound). */
  below(bound: number): number {
    return Math.floor((this.nextUint32() / 0x1_0000_0000) * bound);
  }

  /** `length` characters drawn uniformly from `alphabet`. */
  fromAlphabet(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }

  /** 24 lowercase hex digits, the shape of an Atlas ObjectId (`^([a-f0-9]{24})$`). */
  objectId(): string {
    return this.fromAlphabet("0123456789abcdef", 24);
  }

  /** 8 lowercase letters, the shape live Atlas uses for public keys. */
  publicKey(): string {
    return this.fromAlphabet("abcdefghijklmnopqrstuvwxyz", 8);
  }

  /** Lowercase RFC 4122 version-4 UUID, the shape of an Atlas private key. */
  uuidV4(): string {
    const hex = this.fromAlphabet("0123456789abcdef", 32).split("");
    hex[12] = "4";
    hex[16] = "89ab"[this.below(4)];
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** cyrb128: hashes a string into four 32-bit words to seed sfc32. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
