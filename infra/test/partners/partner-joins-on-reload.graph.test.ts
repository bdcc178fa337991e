import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JWKS_PATH } from '@civic/identity';
import { projectRoot, readSupergraphConfig } from '@civic/dev-platform';
import { freeLoopbackPort } from '@civic/graph-runner';
import { aWorld, loadLocalSubgraphs, startStack, type Stack, type World } from '@civic/test-harness';
import { generatedPartner, type GeneratedPartner } from './support/generated-partner.ts';
import { startPartnerProcess, type PartnerProcess } from './support/partner-process.ts';

// A running gateway takes in a partner once the supergraph config gains its entry and compose runs:
// a copy of the config in a temporary folder, composed into the file the gateway follows.
const KIT_SUBGRAPHS = ['organisations', 'residents'];
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name parkingCoServicePoints { name } } }`;

let partner: GeneratedPartner;
let partnerProcess: PartnerProcess;
let partnerUrl: string;
let stack: Stack;
let world: World;
let directory: string;
let configPath: string;
let supergraphPath: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'civic-supergraph-'));
  configPath = join(directory, 'supergraph.yaml');
  supergraphPath = join(directory, 'supergraph.graphql');
  partner = await generatedPartner('parking-co');
  stack = await startStack({ subgraphs: (await loadLocalSubgraphs()).filter((subgraph) => KIT_SUBGRAPHS.includes(subgraph.name)), supergraphPath });
  partnerProcess = await startPartnerProcess(partner.dir, await freeLoopbackPort(), new URL(JWKS_PATH, stack.gatewayUrl).href);
  partnerUrl = partnerProcess.url;
  world = await aWorld(stack);
  await writeFile(configPath, await configOf(kitEntries()));
});

afterAll(async () => {
  await stack?.stop();
  await partnerProcess?.stop();
  await partner?.remove();
  await rm(directory, { recursive: true, force: true });
});

/** One subgraph entry as supergraph.yaml lists it; a kit subgraph's schema file is the repository's. */
interface ConfigEntry {
  name: string;
  routingUrl: string;
  schemaFile?: string;
}

const kitEntries = (): ConfigEntry[] => KIT_SUBGRAPHS.map((name) => ({ name, routingUrl: stack.subgraph(name).url }));

/** The config as the repository's, but at the stack's URLs, with schema files named absolutely (it lives elsewhere). */
async function configOf(entries: ConfigEntry[]): Promise<string> {
  const repositorySchemas = new Map((await readSupergraphConfig()).map((subgraph) => [subgraph.name, subgraph.schemaPath]));
  const lines = entries.map(
    ({ name, routingUrl, schemaFile }) => `  ${name}:\n    routing_url: ${routingUrl}\n    schema:\n      file: ${schemaFile ?? repositorySchemas.get(name)}\n`,
  );
  return `federation_version: =2.14.4\nsubgraphs:\n${lines.join('')}`;
}

/** `npm run compose` on the temporary config, writing the file the gateway follows. */
async function compose(): Promise<string> {
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'infra/src/cli/compose.ts', '--config', configPath, '--output', supergraphPath], { cwd: projectRoot });
  return stdout.trim();
}

describe('a partner joining a running graph', () => {
  it('is served once its entry is in the config and compose has run, by the same gateway', async () => {
    const before = await stack.query(ORGANISATION, { id: world.communityId });
    expect([before.status, before.errors.map((error) => error.extensions?.code)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);

    const partnerEntry = { name: 'parking-co', routingUrl: partnerUrl, schemaFile: join(partner.dir, 'src', 'schema.graphql') };
    await writeFile(configPath, await configOf([...kitEntries(), partnerEntry]));
    expect(await compose()).toBe(`composed organisations, residents, parking-co into ${relative(projectRoot, supergraphPath)}`);

    await vi.waitFor(
      async () => {
        expect(await stack.query(ORGANISATION, { id: world.communityId })).toEqual({
          status: 200,
          data: { organisation: { name: '新城社区党委', parkingCoServicePoints: [] } },
          errors: [],
        });
      },
      { timeout: 15_000, interval: 100 },
    );

    const streetAdmin = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.communityId] });
    const added = await stack.query(
      `mutation($input: AddParkingCoServicePointInput!) { addParkingCoServicePoint(input: $input) { organisation { name parkingCoServicePoints { name } } } }`,
      { input: { organisationId: world.communityId, name: '新城社区停车服务点' } },
      { token: streetAdmin },
    );
    expect(added).toEqual({
      status: 200,
      data: { addParkingCoServicePoint: { organisation: { name: '新城社区党委', parkingCoServicePoints: [{ name: '新城社区停车服务点' }] } } },
      errors: [],
    });
  }, 120_000);
});
