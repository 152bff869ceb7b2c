/** Damaging files the same way on every run: a seeded generator, and one byte flipped in a copy. */

/** mulberry32: a small seeded generator, so that every run flips the same bytes. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `bytes` with the bits of `mask` flipped at `position`. */
export function flip(bytes: Uint8Array, position: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[position]! ^= mask;
  return copy;
}
