/**
 * 32-bit structural hashes of expression nodes, computed once when a node is built from its
 * children's hashes (so hashing a tree costs O(1) per node, never a walk). Equal trees have equal
 * hashes; unequal trees almost always differ, and `equals` confirms a match structurally, so a
 * collision costs time, never a wrong answer.
 */

/** Mixes `value` into the running hash `h` (murmur3-style multiply, rotate and avalanche). */
export function mix(h: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The hash of a string (FNV-1a), seeded so that different node kinds never share a space. */
export function hashString(seed: number, s: string): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(seed, h);
}

/** The hash of a bigint from its low 32 bits, its sign and its rough size. */
export function hashBigInt(seed: number, n: bigint): number {
  const low = Number(BigInt.asIntN(32, n));
  return mix(mix(seed, low), n < 0n ? -1 : n > 0xffffffffn ? 1 : 0);
}

/** The hash of a float64 (so that `0` and `-0`, and every NaN, hash alike, as they compare equal). */
export function hashFloat(seed: number, v: number): number {
  return hashString(seed, Object.is(v, -0) ? "0" : String(v));
}

/** Seeds a node kind's hash with the hashes of its children, in order. */
export function hashChildren(seed: number, children: readonly { readonly hash: number }[]): number {
  let h = mix(seed, children.length);
  for (const c of children) h = mix(h, c.hash);
  return h;
}
