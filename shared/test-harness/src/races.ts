/**
 * How many times each race test runs its race. A lost update shows only when requests interleave
 * badly, which one run rarely hits; twenty fresh runs per test make it show in an ordinary test
 * run. RACE_ROUNDS raises it when hunting a rare one (RACE_ROUNDS=200 npm test).
 */
export const RACE_ROUNDS = roundsFrom(process.env.RACE_ROUNDS);

function roundsFrom(setting: string | undefined): number {
  if (setting === undefined) return 20;
  const rounds = Number(setting);
  // Zero rounds would let every race test pass without racing.
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`RACE_ROUNDS must be a whole number of at least 1, not "${setting}"`);
  return rounds;
}

/**
 * The time a race test may take: each round as long as a small test, on a busy two-core machine
 * whose one database server also serves the other test files (a round of 20 votes takes about 1 s
 * alone, and has taken over 6 s while the seed test wrote beside it).
 */
export const RACE_TIMEOUT = RACE_ROUNDS * 12_000;

/**
 * Runs `race` once per round, one round after another, each building fresh data of its own and
 * asserting the exact outcome. A failure names its round, so a rare interleaving can be told
 * from a test that always fails.
 */
export async function repeatRace(race: (round: number) => Promise<void>): Promise<void> {
  for (let round = 1; round <= RACE_ROUNDS; round++) {
    try {
      await race(round);
    } catch (error) {
      if (error instanceof Error) error.message = `round ${round} of ${RACE_ROUNDS}: ${error.message}`;
      throw error;
    }
  }
}
