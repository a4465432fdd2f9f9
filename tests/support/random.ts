/**
 * Repeatable randomness for tests that roll dice (faults, kill points): the seed is said out loud,
 * so a failing run can be replayed exactly.
 */

/** Park and Miller's minimal standard generator: numbers in (0, 1), the same for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
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

/** A whole number from 0 up to, not including, `below`. */
export function randomBelow(random: () => number, below: number): number {
  return Math.floor(random() * below);
}
