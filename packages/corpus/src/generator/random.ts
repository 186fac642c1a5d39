import { rng } from '@docflow/model';

/** Seeded random helpers for the corpus generator (reproducible corpora). */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: T[]): T[];
  money(min: number, max: number): number;
}

export function createRandom(seed: number): Random {
  const next = rng(seed);
  const r: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    money: (min, max) => Math.round((min + next() * (max - min)) * 100) / 100,
  };
  return r;
}
