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

export interface RaceOptions {
  /**
   * How many rounds run at the same time (1 unless given). Only for rounds that are independent:
   * each builds data of its own and asserts only on it, and none changes what the others share
   * (a clock, an intercepting proxy, a count over a whole collection). Each round's race is then
   * the same as alone, its requests as concurrent as before, while the other rounds' requests keep
   * the servers busy in the time one round alone would wait on them.
   */
  roundsAtOnce?: number;
}

/**
 * Runs `race` once per round, each building fresh data of its own and asserting the exact outcome,
 * one round after another unless `roundsAtOnce` says otherwise. A failure names its round, so a rare
 * interleaving can be told from a test that always fails; once one fails no further round starts.
 */
export async function repeatRace(race: (round: number) => Promise<void>, { roundsAtOnce = 1 }: RaceOptions = {}): Promise<void> {
  if (!Number.isInteger(roundsAtOnce) || roundsAtOnce < 1) throw new Error(`roundsAtOnce must be a whole number of at least 1, not ${roundsAtOnce}`);
  const failures: { round: number; error: unknown }[] = [];
  let nextRound = 1;
  const runRounds = async () => {
    while (nextRound <= RACE_ROUNDS && failures.length === 0) {
      const round = nextRound++;
      try {
        await race(round);
      } catch (error) {
        if (error instanceof Error) error.message = `round ${round} of ${RACE_ROUNDS}: ${error.message}`;
        failures.push({ round, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(roundsAtOnce, RACE_ROUNDS) }, runRounds));
  // The earliest round that failed, whichever finished first.
  const [first] = failures.sort((a, b) => a.round - b.round);
  if (first) throw first.error;
}
