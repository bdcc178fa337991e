import { pino, type Logger } from 'pino';

export type LogLine = Record<string, unknown>;

/** A logger whose lines a test reads back as objects, through pino's destination stream. */
export function capturedLogs(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}
