import { describe, expect, it } from 'vitest';
import { apiDatabaseSettings } from '../src/database-settings.ts';

describe('a running API’s database settings', () => {
  it('default to 2 s for reads, 5 s for writes and 1.5 s to find a server', () => {
    expect(apiDatabaseSettings({})).toEqual({ timeLimits: { readMs: 2_000, writeMs: 5_000 }, serverSelectionTimeoutMs: 1_500 });
  });

  it('come from the environment', () => {
    const environment = { DATABASE_READ_TIMEOUT_MS: '750', DATABASE_WRITE_TIMEOUT_MS: '3000', DATABASE_SERVER_SELECTION_TIMEOUT_MS: '900' };
    expect(apiDatabaseSettings(environment)).toEqual({ timeLimits: { readMs: 750, writeMs: 3_000 }, serverSelectionTimeoutMs: 900 });
  });

  it('refuse a value that is not a whole number of milliseconds above 0, naming the variable', () => {
    const refusal = (environment: Record<string, string>) => {
      try {
        apiDatabaseSettings(environment);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(['0', '-5', '1.5', '2s'].map((value) => refusal({ DATABASE_READ_TIMEOUT_MS: value }))).toEqual([
      'DATABASE_READ_TIMEOUT_MS must be a whole number of milliseconds above 0, not "0"',
      'DATABASE_READ_TIMEOUT_MS must be a whole number of milliseconds above 0, not "-5"',
      'DATABASE_READ_TIMEOUT_MS must be a whole number of milliseconds above 0, not "1.5"',
      'DATABASE_READ_TIMEOUT_MS must be a whole number of milliseconds above 0, not "2s"',
    ]);
    expect(refusal({ DATABASE_SERVER_SELECTION_TIMEOUT_MS: 'soon' })).toBe('DATABASE_SERVER_SELECTION_TIMEOUT_MS must be a whole number of milliseconds above 0, not "soon"');
  });
});
