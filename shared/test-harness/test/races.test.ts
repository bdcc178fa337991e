import { describe, expect, it } from 'vitest';
import { RACE_ROUNDS, repeatRace } from '../src/races.ts';

/** A race that records which rounds ran and how many were running at once, each round waiting a turn of the event loop. */
function aRecordingRace(failingRounds: readonly number[] = []) {
  const started: number[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const race = async (round: number) => {
    started.push(round);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setImmediate(resolve));
    running--;
    if (failingRounds.includes(round)) throw new Error('lost an update');
  };
  return { race, started, mostAtOnce: () => mostAtOnce };
}

describe('repeatRace', () => {
  it('runs every round once, one after another unless told otherwise', async () => {
    const recording = aRecordingRace();
    await repeatRace(recording.race);
    expect(recording.started).toEqual(Array.from({ length: RACE_ROUNDS }, (_, index) => index + 1));
    expect(recording.mostAtOnce()).toBe(1);
  });

  it('runs every round once, as many at a time as asked', async () => {
    const recording = aRecordingRace();
    await repeatRace(recording.race, { roundsAtOnce: 4 });
    expect(recording.started).toEqual(Array.from({ length: RACE_ROUNDS }, (_, index) => index + 1));
    expect(recording.mostAtOnce()).toBe(Math.min(4, RACE_ROUNDS));
  });

  it.runIf(RACE_ROUNDS > 4)('names the earliest failed round, and starts no round after a failure', async () => {
    const recording = aRecordingRace([1, 3]);
    await expect(repeatRace(recording.race, { roundsAtOnce: 4 })).rejects.toThrow(`round 1 of ${RACE_ROUNDS}: lost an update`);
    // Rounds 1 to 4 were under way together when 1 and 3 failed.
    expect(recording.started).toEqual([1, 2, 3, 4]);
  });

  it('refuses a number of rounds at once that is not a whole number of at least 1', async () => {
    for (const roundsAtOnce of [0, 1.5, -2]) {
      await expect(repeatRace(aRecordingRace().race, { roundsAtOnce })).rejects.toThrow(`roundsAtOnce must be a whole number of at least 1, not ${roundsAtOnce}`);
    }
  });
});
