import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { COMPOSE_FILE, DOCKERFILE, KUBERNETES_DIR, ROUTER_COPROCESSOR_ENTRY } from '../../src/deploy/deployment-environments.ts';

/** The image's command, read from the Dockerfile: Node 24 running the TypeScript sources itself. */
async function imageCommand(): Promise<string[]> {
  const line = /^CMD (\[.+\])$/m.exec(await readFile(DOCKERFILE, 'utf8'))![1]!;
  return JSON.parse(line) as string[];
}

interface Started {
  child: ChildProcess;
  port: number;
}

/** The command the compose file and the Kubernetes Deployment give the router's coprocessor, in the gateway's image. */
async function coprocessorCommands(): Promise<{ compose: string[]; kubernetes: string[] }> {
  const compose = parse(await readFile(COMPOSE_FILE, 'utf8'), { merge: true }) as { services: Record<string, { command: string[] }> };
  const manifests = parseAllDocuments(await readFile(join(KUBERNETES_DIR, 'router-coprocessor.yaml'), 'utf8')).map((document) => document.toJS() as { kind: string; spec: { template: { spec: { containers: { command: string[] }[] } } } });
  const deployment = manifests.find((manifest) => manifest.kind === 'Deployment')!;
  return { compose: compose.services['router-coprocessor']!.command, kubernetes: deployment.spec.template.spec.containers[0]!.command };
}

/** Starts a process as the image would in its folder (with the image's command unless given), on a free port, and waits for its "ready" log line. */
async function startAsImage(folder: string, env: Record<string, string>, readyMessage: string, imageCommandLine?: string[]): Promise<Started> {
  const [command, ...args] = imageCommandLine ?? (await imageCommand());
  expect(command).toBe('node');
  const child = spawn(process.execPath, args, { cwd: join(projectRoot, folder), env: { PATH: process.env.PATH!, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg: string; port?: number };
    if (entry.msg === readyMessage) return { child, port: entry.port! };
  }
  throw new Error(`${folder} exited before it was ready`);
}

async function health(port: number, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.json() };
}

const started: ChildProcess[] = [];
const database = `deploy_image_${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  const connection = await mongoose.createConnection(inject('mongoUri')).asPromise();
  await connection.useDb(database).dropDatabase();
  await connection.close();
});

describe("the image's command", () => {
  it('runs a subgraph from its sources, healthy on the endpoints the probes ask, and stops on SIGTERM', async () => {
    const gatewayKey = await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).publicKey);
    const { child, port } = await startAsImage(
      'services/organisations',
      { MONGODB_URI: inject('mongoUri'), MONGODB_DATABASE: database, GATEWAY_PUBLIC_JWK: JSON.stringify(gatewayKey) },
      'subgraph ready',
    );
    expect(await health(port, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await health(port, '/health/ready')).toEqual({ status: 200, body: { status: 'ok' } });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }, 90_000);

  it('runs the gateway from its sources, live, and not ready while its subgraphs are unreachable', async () => {
    const issuer = await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).publicKey);
    const gateway = await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })).privateKey);
    const { port } = await startAsImage(
      'gateway',
      { SUPERGRAPH_PATH: SUPERGRAPH_OUTPUT_PATH, ACCESS_TOKEN_PUBLIC_JWK: JSON.stringify(issuer), GATEWAY_PRIVATE_JWK: JSON.stringify(gateway), RATE_LIMITS: 'off', ...unreachableSubgraphs() },
      'gateway ready',
    );
    expect(await health(port, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await health(port, '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', reason: 'subgraphs unreachable', subgraphs: ['meetings', 'notifications', 'organisations', 'residents', 'resources', 'wishes'] });
  }, 90_000);

  it("runs the router's coprocessor with the command the deployment files give it, signing with GATEWAY_PRIVATE_JWK", async () => {
    const commands = await coprocessorCommands();
    expect(commands.kubernetes).toEqual(commands.compose);
    expect(commands.compose).toEqual([...(await imageCommand()).slice(0, -1), ROUTER_COPROCESSOR_ENTRY]);
    const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const { child, port } = await startAsImage('gateway', { GATEWAY_PRIVATE_JWK: JSON.stringify(await exportJWK(keys.privateKey)) }, 'router coprocessor ready', commands.compose);
    expect(await health(port, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await health(port, '/health/ready')).toEqual({ status: 200, body: { status: 'ok' } });

    const post = async (payload: object) =>
      (await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })).json()) as { context: unknown; headers: Record<string, string[]> };
    const routed = await post({ version: 1, stage: 'RouterRequest', control: 'continue', id: 'r1', headers: { 'x-request-id': ['deploy-check'] }, context: { entries: {} } });
    const signed = await post({ version: 1, stage: 'SubgraphRequest', control: 'continue', id: 'r1', headers: {}, context: routed.context, serviceName: 'wishes' });
    const { payload } = await jwtVerify(signed.headers['x-civic-viewer']![0]!, keys.publicKey, { audience: 'wishes' });
    expect(payload).toMatchObject({ sub: 'anonymous', request_id: 'deploy-check' });

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }, 90_000);
});

/** Every subgraph at a closed loopback port, so that the readiness probe names them all. */
function unreachableSubgraphs(): Record<string, string> {
  return Object.fromEntries(['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications'].map((name) => [`SUBGRAPH_URL_${name.toUpperCase()}`, `http://127.0.0.1:9/graphql`]));
}
