import { runSubgraphProcess } from '@civic/service-kit/process';

/**
 * The backbone test services of tally-definitions.ts as a process of their own (TALLY_SERVICE:
 * `source` or `tally`), configured like every service's main (`runSubgraph`), so a test can kill
 * one outright and start it again on the same database.
 */
const service = process.env.TALLY_SERVICE;
if (service === 'source') {
  await runSubgraphProcess({ name: service, defaultPort: 0, load: async () => (await import('./tally-definitions.ts')).sourceDefinition });
} else if (service === 'tally') {
  await runSubgraphProcess({ name: service, defaultPort: 0, load: async () => (await import('./tally-definitions.ts')).tallyDefinition });
} else {
  throw new Error(`TALLY_SERVICE must be source or tally, not ${service ?? 'unset'}`);
}
