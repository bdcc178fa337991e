import { join, relative } from 'node:path';
import { projectRoot } from '@civic/dev-platform';
import { parseCommandLine } from '../command-line.ts';
import { createPartnerSubgraph } from '../partners/create-partner-subgraph.ts';
import { PartnerNameError } from '../partners/partner-name.ts';

const USAGE = `usage: npm run subgraph:new -- <name> [--into <folder>]

Creates <folder>/<name> (partners/<name> by default): a partner subgraph package of its own, with its
schema extending Organisation, a server that verifies the gateway's forwarded viewer, tests and a README.`;

const { values, positionals, usageError } = parseCommandLine('subgraph:new', USAGE, { into: { type: 'string' } }, { allowPositionals: true });
if (positionals.length !== 1) usageError(positionals.length === 0 ? 'name the subgraph' : `one name, not ${positionals.length}`);
const into = typeof values.into === 'string' ? values.into : join(projectRoot, 'partners');

try {
  const target = await createPartnerSubgraph(positionals[0]!, { into });
  console.log(`created ${relative(process.cwd(), target)}: cd there, then npm install && npm test; its README says how it joins the graph`);
} catch (error) {
  if (!(error instanceof PartnerNameError)) throw error;
  console.error(`subgraph:new: ${error.message}`);
  process.exit(2);
}
