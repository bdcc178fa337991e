import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '@civic/dev-platform';

/**
 * Where the front-end teams register the operations they send, one `.graphql` file each, named
 * after its operation. `npm run check` refuses a schema change that breaks one unless it is intended.
 */
export const OPERATIONS_DIR = join(projectRoot, 'infra', 'operations');

export interface RegisteredOperationFile {
  path: string;
  text: string;
}

/** One registered operation's document by its name, for code that sends it (the benchmark). */
export function registeredOperation(name: string, dir = OPERATIONS_DIR): string {
  return readFileSync(join(dir, `${name}.graphql`), 'utf8');
}

export async function readRegisteredOperations(dir = OPERATIONS_DIR): Promise<RegisteredOperationFile[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(files.map(async (file) => ({ path: join(dir, file), text: await readFile(join(dir, file), 'utf8') })));
}
