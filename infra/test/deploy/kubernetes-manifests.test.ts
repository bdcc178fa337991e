import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { KUBERNETES_DIR, KUBERNETES_FILES } from '../../src/deploy/deployment-environments.ts';
import { ensureKubeconform, ensureKubernetesSchemas, KUBERNETES_VERSION } from '../../src/deploy/validation-tools.ts';

const run = promisify(execFile);

/** kubeconform, strict, offline: the schemas come from the registry package, never from the network. */
async function kubeconform(files: string[]): Promise<{ code: number; output: string }> {
  const args = ['-strict', '-summary', '-kubernetes-version', KUBERNETES_VERSION, '-schema-location', schemaLocation, '-skip', 'Kustomization', ...files];
  try {
    const { stdout, stderr } = await run(kubeconformBinary, args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

let kubeconformBinary: string;
let schemaLocation: string;
beforeAll(async () => {
  [kubeconformBinary, schemaLocation] = await Promise.all([ensureKubeconform(), ensureKubernetesSchemas()]);
}, 300_000);

describe('the Kubernetes manifests', () => {
  it('every resource validates against the Kubernetes schemas', async () => {
    const result = await kubeconform(KUBERNETES_FILES.map((file) => join(KUBERNETES_DIR, file)));
    expect(result.output).toContain('Summary: 34 resources found in 12 files - Valid: 34, Invalid: 0, Errors: 0, Skipped: 0');
    expect(result.code).toBe(0);
  });

  it('a misspelt field fails the validation', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'civic-manifests-'));
    try {
      const gateway = await readFile(join(KUBERNETES_DIR, 'gateway.yaml'), 'utf8');
      await writeFile(join(folder, 'gateway.yaml'), gateway.replace('readinessProbe:', 'readinesProbe:'));
      const result = await kubeconform([join(folder, 'gateway.yaml')]);
      expect(result.code).toBe(1);
      expect(result.output).toContain("additional properties 'readinesProbe' not allowed");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('the kustomization names every manifest', async () => {
    const kustomization = await readFile(join(KUBERNETES_DIR, 'kustomization.yaml'), 'utf8');
    for (const file of KUBERNETES_FILES) expect(kustomization).toContain(`  - ${file}\n`);
  });
});
