import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { projectRoot } from '@civic/dev-platform';
import type { ProcessKind } from './environment-reads.ts';

export const DEPLOY_DIR = join(projectRoot, 'infra', 'deploy');
export const COMPOSE_FILE = join(DEPLOY_DIR, 'compose', 'compose.yaml');
export const KUBERNETES_DIR = join(DEPLOY_DIR, 'kubernetes');
export const ROUTER_FILE = join(DEPLOY_DIR, 'router', 'router.yaml');
export const DOCKERFILE = join(DEPLOY_DIR, 'Dockerfile');
export const KUBERNETES_FILES = ['namespace.yaml', 'configuration.yaml', 'secrets.yaml', 'network-policy.yaml', 'gateway.yaml', 'router-coprocessor.yaml', 'residents.yaml', 'organisations.yaml', 'wishes.yaml', 'resources.yaml', 'meetings.yaml', 'notifications.yaml'];

/** One process as a deployment file starts it: its name, whether it is the gateway or a subgraph, and the variables it gets. */
export interface DeployedProcess {
  file: string;
  name: string;
  kind: ProcessKind;
  variables: string[];
}

/** The ENV lines of the image's final stage (every process gets them). */
export async function dockerfileVariables(): Promise<string[]> {
  const dockerfile = await readFile(DOCKERFILE, 'utf8');
  const text = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return [...text.matchAll(/^ENV (.+)$/gm)].flatMap((line) => [...line[1]!.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((match) => match[1]!));
}

/** The entry the gateway's image runs for the router's coprocessor instead of the gateway. */
export const ROUTER_COPROCESSOR_ENTRY = 'src/router-coprocessor/main.ts';

/** The compose file's processes of the graph (the services built from the Dockerfile). */
export async function composeProcesses(): Promise<DeployedProcess[]> {
  const compose = parse(await readFile(COMPOSE_FILE, 'utf8'), { merge: true }) as {
    services: Record<string, { build?: { args?: Record<string, string> }; command?: string[]; environment?: Record<string, string> }>;
  };
  const image = await dockerfileVariables();
  return Object.entries(compose.services)
    .filter(([, service]) => service.build?.args?.PROCESS_PATH)
    .map(([name, service]) => ({
      file: 'compose.yaml',
      name,
      kind: service.command?.includes(ROUTER_COPROCESSOR_ENTRY) ? 'router-coprocessor' : service.build!.args!.PROCESS_PATH === 'gateway' ? 'gateway' : 'subgraph',
      variables: [...new Set([...image, ...Object.keys(service.environment ?? {})])],
    }));
}

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: { template?: { spec: { containers: Container[] } } };
}
interface Container {
  name: string;
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}

export async function kubernetesManifests(): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const file of KUBERNETES_FILES) {
    for (const document of parseAllDocuments(await readFile(join(KUBERNETES_DIR, file), 'utf8'))) manifests.push(document.toJS() as Manifest);
  }
  return manifests;
}

/** Each Deployment's container with the variables it gets, envFrom resolved against the ConfigMaps and Secrets beside it. */
export async function kubernetesProcesses(): Promise<DeployedProcess[]> {
  const manifests = await kubernetesManifests();
  const keysOf = (kind: string, name: string) => {
    const source = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
    if (!source) throw new Error(`envFrom names the ${kind} ${name}, which no manifest defines`);
    return Object.keys(source.data ?? source.stringData ?? {});
  };
  return manifests
    .filter((manifest) => manifest.kind === 'Deployment')
    .flatMap((deployment) =>
      deployment.spec!.template!.spec.containers.map((container) => ({
        file: `${deployment.metadata.name}.yaml`,
        name: container.name,
        kind: kubernetesKind(deployment.metadata.labels?.['app.kubernetes.io/component']),
        variables: [
          ...(container.env ?? []).map((variable) => variable.name),
          ...(container.envFrom ?? []).flatMap((source) =>
            source.configMapRef ? keysOf('ConfigMap', source.configMapRef.name) : source.secretRef ? keysOf('Secret', source.secretRef.name) : [],
          ),
        ],
      })),
    );
}

function kubernetesKind(component: string | undefined): ProcessKind {
  return component === 'gateway' || component === 'router-coprocessor' ? component : 'subgraph';
}
