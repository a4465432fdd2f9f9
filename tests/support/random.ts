/**
 * Seeded randomness for tests that roll dice (faults, kill points) and for the benchmark's data and
 * events: the same seed gives the same run, so a failing test can be replayed exactly and two
 * benchmark runs differ only by the code measured.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Whether an event of this probability happens. */
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick(items) {
      if (items.length === 0) throw new Error('Nothing to pick from.');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
  };
}

/** `count` instants in [from, to), sorted: when independent events happen over a period. */
export function randomMoments(random: Random, count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, () => from + Math.floor(random.next() * (to - from))).sort((a, b) => a - b);
}

/** A copy in random order (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** The `index`th of up to ten million distinct Swedish mobile numbers in E.164, scattered like real ones. */
export function contactPhone(index: number): string {
  // 1999 is coprime with 10^7, so distinct indexes below 10^7 give distinct numbers.
  return `+4670${String((index * 1_999) % 10_000_000).padStart(7, '0')}`;
}

/**
 * The seed in the environment variable `name` when set (to replay a run), else a fresh one; either
 * way it is printed with the line that replays it.
 */
export function announcedSeed(name: string, what: string): number {
  const given = process.env[name];
  const seed = given === undefined || given === '' ? Math.floor(Math.random() * 2147483646) + 1 : Number(given);
  if (!Number.isSafeInteger(seed) || seed <= 0) throw new Error(`${name} must be a positive integer, not "${given ?? ''}".`);
  console.warn(`${what}: seed ${seed} (replay with ${name}=${seed})`);
  return seed;
}
