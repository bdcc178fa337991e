import { composeSupergraph, CompositionError, configuredSubgraph, readSupergraphConfig, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { parseCommandLine } from '../command-line.ts';
import { checkReport } from '../schema-check/check-report.ts';
import { readKnownOperations } from '../schema-check/known-operations.ts';
import {
  fromRoot,
  INTENDED_CHANGES_PATH,
  readIntendedChanges,
  readReleasedSupergraph,
  release,
  RELEASED_SUPERGRAPH_PATH,
  supergraphAtRef,
} from '../schema-check/released-supergraph.ts';
import { checkPassed, checkSchemaChanges } from '../schema-check/schema-check.ts';

const USAGE = `Usage:
  npm run check
      composes infra/supergraph.yaml and compares its API schema with the released one
      (${fromRoot(RELEASED_SUPERGRAPH_PATH)}); fails on a breaking change not recorded in
      ${fromRoot(INTENDED_CHANGES_PATH)}, naming the known operations it breaks
  npm run check -- --against <git ref>
      compares with ${fromRoot(SUPERGRAPH_OUTPUT_PATH)} at that ref instead (a tag, a branch, a commit)
  npm run check -- --release
      after a passing check, makes the composed supergraph the released one and empties the intended changes`;

const { values, usageError } = parseCommandLine('check', USAGE, { against: { type: 'string' }, release: { type: 'boolean', default: false } });
const against = values.against as string | undefined;
if (against !== undefined && values.release) usageError('--release compares with the released supergraph, not --against');

try {
  const currentSupergraph = composeSupergraph((await readSupergraphConfig()).map((subgraph) => configuredSubgraph(subgraph)));
  const releasedSupergraph = against === undefined ? await readReleasedSupergraph() : await supergraphAtRef(against);
  const result = await checkSchemaChanges({ releasedSupergraph, currentSupergraph, operations: await readKnownOperations(), intended: await readIntendedChanges() });
  console.log(checkReport(result, against === undefined ? fromRoot(RELEASED_SUPERGRAPH_PATH) : `${fromRoot(SUPERGRAPH_OUTPUT_PATH)} at ${against}`, fromRoot(INTENDED_CHANGES_PATH)));
  if (!checkPassed(result)) process.exit(1);
  if (values.release) {
    await release(currentSupergraph);
    console.log(`Released: ${fromRoot(RELEASED_SUPERGRAPH_PATH)} is the composed supergraph; ${fromRoot(INTENDED_CHANGES_PATH)} lists no intended changes.`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : `check failed: ${(error as Error).message}`);
  process.exit(1);
}
