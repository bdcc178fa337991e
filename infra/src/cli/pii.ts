import { redactUri, startDatabase, type DatabaseHandle } from '@civic/dev-platform';
import { defaultKeysDir, loadOrCreateDevelopmentPiiKeys, resolvePiiKeys, withNewEncryptionKey, withNewLookupKey, writeDevelopmentPiiKeys } from '@civic/identity';
import { piiCipher } from '@civic/residents/pii-cipher';
import { rotateSealedValues, SEALED_COLLECTIONS, type RotationCounts } from '@civic/residents/pii-rotation';
import { connectServiceDatabase } from '@civic/service-kit';
import { parseCommandLine, uriFlag } from '../command-line.ts';
import { DEFAULT_DATABASE_PREFIX } from '../seed/databases.ts';

/**
 * `npm run pii`: residents' phone and ID numbers and correction requests' proposed values, sealed
 * at rest, and their keys.
 */
const USAGE = `Usage:
  npm run pii -- rotate [--batch <n>] [--uri <mongodb uri>] [--database-prefix <prefix>]
      seals every phone and ID number, and every correction request's proposed value, under the
      current key (PII_ENCRYPTION_KEY_ID), seals values still in clear, and recomputes each lookup
      hash under PII_LOOKUP_KEY; resumable, and counts what it did, collection by collection
  npm run pii -- new-key --id <kid>
      development: adds a key to .data/keys/pii-keys.json and makes it the current one (then restart and rotate)
  npm run pii -- new-lookup-key
      development: replaces the lookup key in .data/keys/pii-keys.json (then restart and rotate)
  --batch   documents read and rewritten per batch; 500 by default
  --uri     the database server; default MONGODB_URI, else the embedded database (not while npm start runs it)
  --database-prefix   the residents database is <prefix>residents; civic_ by default
  Keys: PII_ENCRYPTION_KEYS, PII_ENCRYPTION_KEY_ID and PII_LOOKUP_KEY when set, else the development key file.`;

const { values, positionals, usageError } = parseCommandLine(
  'pii',
  USAGE,
  { uri: { type: 'string' }, batch: { type: 'string', default: '500' }, id: { type: 'string' }, 'database-prefix': { type: 'string', default: DEFAULT_DATABASE_PREFIX } },
  { allowPositionals: true },
);
const log = (line: string) => console.error(`[pii] ${line}`);
const [command] = positionals;
const commands: Record<string, () => Promise<void>> = { rotate, 'new-key': newKey, 'new-lookup-key': newLookupKey };
const run = commands[command ?? ''] ?? usageError(command ? `unknown command "${command}"` : 'a command is needed');
try {
  await run();
} catch (error) {
  console.error(`pii: ${(error as Error).message}`);
  process.exitCode = 1;
}

async function rotate(): Promise<void> {
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) usageError(`--batch must be a whole number from 1 to 10000, not "${String(values.batch)}"`);
  const cipher = piiCipher(resolvePiiKeys());
  let database: DatabaseHandle | undefined;
  try {
    const uri = uriFlag(values.uri, usageError) ?? (database = await startDatabase({ log })).uri;
    log(`database: ${redactUri(uri)}; sealing under key ${cipher.currentKeyId}`);
    const { connection } = await connectServiceDatabase(uri, `${String(values['database-prefix'])}residents`);
    try {
      for (const [collection, sealed] of Object.entries(SEALED_COLLECTIONS)) {
        const counts = await rotateSealedValues(connection.db!.collection(collection), cipher, sealed, {
          batchSize,
          onBatch: (sofar) => log(`${collection}: ${sofar.documents} so far`),
        });
        console.log(report(collection, counts));
      }
    } finally {
      await connection.close();
    }
  } finally {
    await database?.stop();
  }
}

function report(collection: string, counts: RotationCounts): string {
  return [
    collection,
    `documents examined        ${counts.documents}`,
    `values resealed           ${counts.resealed}`,
    `values sealed from clear  ${counts.sealedFromClear}`,
    `hashes recomputed         ${counts.rehashed}`,
    `values already current    ${counts.unchanged}`,
    `changed meanwhile         ${counts.changedMeanwhile}`,
  ].join('\n');
}

async function newKey(): Promise<void> {
  if (typeof values.id !== 'string') usageError('new-key needs --id <kid>');
  const keysDir = defaultKeysDir();
  const keys = withNewEncryptionKey(await loadOrCreateDevelopmentPiiKeys(keysDir), String(values.id));
  await writeDevelopmentPiiKeys(keysDir, keys);
  log(`key ${keys.currentKeyId} added and made current (keys: ${[...keys.encryptionKeys.keys()].join(', ')}); restart, then npm run pii -- rotate`);
}

async function newLookupKey(): Promise<void> {
  const keysDir = defaultKeysDir();
  await writeDevelopmentPiiKeys(keysDir, withNewLookupKey(await loadOrCreateDevelopmentPiiKeys(keysDir)));
  log('lookup key replaced; restart, then npm run pii -- rotate to recompute the hashes');
}
