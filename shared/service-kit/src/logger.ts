import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; LOG_LEVEL sets the level (tests default to silent). */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')): Logger {
  return pino({ name, level });
}
