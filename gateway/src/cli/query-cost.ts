import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildSchema, parse, validate } from 'graphql';
import { CALLER_TIERS } from '../limits/caller-tier.ts';
import { DEFAULT_QUERY_CAPS } from '../limits/limit-policy.ts';
import { operationCost } from '../limits/query-cost.ts';
import { SubgraphOwnership } from '../limits/subgraph-ownership.ts';
import { readmeOperations } from '../readme-operations.ts';
import { readSupergraph, supergraphPathFromEnv } from '../supergraph.ts';

/**
 * Prints the cost of operations against each role's default budget:
 *   npm run query-cost -- '{ organisations(first: 20) { edges { node { name } } } }'
 *   npm run query-cost -- --readme     (the curl examples of the root README)
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    readme: { type: 'boolean', default: false },
    // The supergraph the gateway would serve: --supergraph, else SUPERGRAPH_PATH as main.ts reads it.
    supergraph: { type: 'string' },
  },
});

interface PricedOperation {
  query: string;
  variables?: Record<string, unknown>;
}

const supergraphSdl = await readSupergraph(values.supergraph ?? supergraphPathFromEnv());
const schema = buildSchema(supergraphSdl);
const ownership = new SubgraphOwnership(supergraphSdl);
const queries: PricedOperation[] = [...positionals.map((query) => ({ query })), ...(values.readme ? readmeOperations(await readFile('README.md', 'utf8')) : [])];

const header = ['cost', ...CALLER_TIERS.map((tier) => `${tier} (${DEFAULT_QUERY_CAPS[tier].costBudget})`), 'query'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const { query, variables } of queries) {
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(`${query}\n${invalid.map((error) => error.message).join('\n')}`);
  const cost = operationCost({ schema, document, variables, ownership });
  const verdicts = CALLER_TIERS.map((tier) => (cost <= DEFAULT_QUERY_CAPS[tier].costBudget ? 'within' : 'over'));
  console.log(`| ${cost} | ${verdicts.join(' | ')} | \`${query.replace(/\s+/g, ' ')}\` |`);
}

