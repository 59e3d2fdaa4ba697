/**
 * A small seeded generator (mulberry32): the emulator's data and its injected faults must be the
 * same on every run with the same --seed, so a failing test or benchmark can be replayed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    hex: (length: number): string => {
      let s = "";
      while (s.length < length) s += int(0x10000).toString(16).padStart(4, "0");
      return s.slice(0, length);
    },
  };
}
