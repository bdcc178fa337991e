import type { CommandLog } from './database.ts';

/** What a parent process sends to ask a subgraph process how many database commands it has sent. */
export const COMMAND_COUNT_REQUEST = 'civic:database-command-count';

export interface CommandCountAnswer {
  databaseCommands: number;
}

/**
 * Answers the parent that started this process with an IPC channel (the benchmark measures real
 * processes, and counts the commands each request costs from outside). Without a channel, nothing.
 */
export function answerCommandCountRequests(commands: CommandLog): void {
  const send = process.send?.bind(process);
  if (!send) return;
  process.on('message', (message) => {
    if (message === COMMAND_COUNT_REQUEST) send({ databaseCommands: commands.count } satisfies CommandCountAnswer);
  });
}
