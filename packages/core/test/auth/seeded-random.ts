/** mulberry32: a tiny seeded PRNG so randomised tests reproduce from their seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers drawing from one seeded stream. */
export function picker(random: () => number) {
  const int = (max: number): number => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const text = (alphabet: readonly string[], min: number, max: number): string => {
    let out = '';
    const length = min + int(max - min + 1);
    for (let i = 0; i < length; i++) out += pick(alphabet);
    return out;
  };
  return { int, pick, text };
}
