/**
 * What the test run's global setup provides to every test file (read with vitest's `inject`):
 * the URIs of the database server and the event broker it started. Declared beside the launchers
 * that start them.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    natsUrl: string;
  }
}

export {};
