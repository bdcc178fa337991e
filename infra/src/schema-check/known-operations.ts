import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import { projectRoot } from '@civic/dev-platform';
import { EXAMPLE_OPERATIONS } from '@civic/gateway/example-operations';
import { readmeOperations } from '@civic/gateway/readme-operations';
import { OPERATIONS_DIR, readRegisteredOperations } from '../operations/registered-operations.ts';

/** An operation the project knows clients send, and where it is written down. */
export interface KnownOperation {
  /** Its source and its operation names (or its opening, when unnamed), as the check reports it. */
  label: string;
  document: DocumentNode;
}

const EXPLORER_EXAMPLES = 'gateway/src/explorer/example-operations.ts';

export function knownOperation(source: string, text: string): KnownOperation {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`The operation in ${source} does not parse: ${(error as Error).message}`);
  }
  const names = document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
  return { label: `${source} (${names.length > 0 ? names.join(', ') : opening(text)})`, document };
}

/** The README's curl queries, the explorer's example tabs and the registered operations. */
export async function readKnownOperations(root = projectRoot, operationsDir = OPERATIONS_DIR): Promise<KnownOperation[]> {
  const readme = readmeOperations(await readFile(join(root, 'README.md'), 'utf8')).map(({ query, line }) => knownOperation(`README.md line ${line}`, query));
  const explorer = EXAMPLE_OPERATIONS.map(({ document }) => knownOperation(EXPLORER_EXAMPLES, document));
  const registered = (await readRegisteredOperations(operationsDir)).map(({ path, text }) => knownOperation(relative(root, path), text));
  return [...readme, ...explorer, ...registered];
}

function opening(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 60 ? oneLine : `${oneLine.slice(0, 60)}…`;
}
