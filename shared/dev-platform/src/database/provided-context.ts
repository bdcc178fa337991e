/**
 * What the test run's global setup provides to every test file (read with vitest's `inject`):
 * the URI of the database server it started. Declared beside the launcher that starts it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export {};
