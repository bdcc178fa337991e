/** What the global setup provides to every test file (read with vitest's inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export {};
