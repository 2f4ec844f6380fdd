/** A seeded linear congruential generator in [0, 1): test data that is random-looking but the same every run. */
export function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1664525 + 1013904223) % 2 ** 32;
    return x / 2 ** 32;
  };
}
