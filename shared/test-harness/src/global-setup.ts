import type { TestProject } from 'vitest/node';
import { startDatabase } from '@civic/dev-platform';
import '@civic/dev-platform/provided-context';

/** Starts the real database server once for the whole test run (MONGODB_URI wins when set). */
export default async function setup(project: TestProject) {
  const database = await startDatabase({ ephemeral: true, log: (line) => console.log(`[database] ${line}`) });
  project.provide('mongoUri', database.uri);
  return async () => {
    await database.stop();
  };
}
