import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Args, Errors } from '@oclif/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  NimbusCommand,
  type NimbusProviderPlugin,
  profileFlags,
  readUserFile,
  waitFlags,
} from '../../src/cli/index.js';
import { createTransport } from '../../src/index.js';
import type { ProfileSection } from '../../src/provider/index.js';
import { Router, type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';

const SECRET = 'sekret-5f3c9a1d77';
const coreRoot = fileURLToPath(new URL('../..', import.meta.url));

const gadgets: NimbusProviderPlugin = {
  name: 'gadgets',
  title: 'Gadgets',
  profile: {
    fields: {
      url: { description: 'URL', env: ['GADGETS_URL'], flag: 'gadgets-url', required: true },
      key: { description: 'Key', env: ['GADGETS_KEY'], flag: 'gadgets-key', secret: true, required: true },
      sso: { description: 'SSO root', env: ['GADGETS_SSO'], flag: 'gadgets-sso' },
    },
  },
  startSandbox: () => Promise.reject(new Error('not used here')),
  demo: [],
};

let server: RunningEmulator;
let requests = 0;
let home: string;
let stdout: string[];
let stderr: string[];
const savedEnv = { ...process.env };

/** A transport whose auth, like an SSO password grant, fetches a token from `sso` when one is set. */
function gadgetTransport(settings: ProfileSection) {
  return createTransport({
    baseUrl: settings.url as string,
    retry: false,
    auth: {
      kind: 'sso',
      async authorize(request) {
        if (settings.sso) await fetch(`${settings.sso}/token`, { method: 'POST' });
        request.headers.set('authorization', `Key ${settings.key}`);
      },
      describe: () => 'sso',
    },
  });
}

class GadgetStop extends NimbusCommand<typeof GadgetStop> {
  static override args = { id: Args.string({ required: true }) };
  static override flags = { ...profileFlags(gadgets.profile), ...waitFlags };
  async run(): Promise<void> {
    const settings = await this.resolveSettings(gadgets);
    await gadgetTransport(settings).send({ method: 'POST', path: `/gadgets/${this.args.id}/stop` });
    this.printResult({ id: this.args.id, stopped: true });
  }
}

class GadgetUpload extends NimbusCommand<typeof GadgetUpload> {
  static override args = { file: Args.string({ required: true }) };
  static override flags = profileFlags(gadgets.profile);
  async run(): Promise<void> {
    const settings = await this.resolveSettings(gadgets);
    const text = await readUserFile(this.args.file, 'the gadget file');
    await gadgetTransport(settings).send({ method: 'POST', path: '/gadgets', body: { json: { text } } });
  }
}

beforeAll(async () => {
  const router = new Router()
    .post('/gadgets/:id/stop', () => {
      requests++;
      return { status: 202, body: {} };
    })
    .post('/gadgets', () => {
      requests++;
      return { status: 201, body: {} };
    });
  server = await startEmulatorServer({ handler: router });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-input-'));
  process.env.XDG_CONFIG_HOME = home;
  process.env.GADGETS_URL = server.url;
  process.env.GADGETS_KEY = SECRET;
  requests = 0;
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  await rm(home, { recursive: true, force: true });
});

async function run(command: { run(argv: string[], root: string): Promise<unknown> }, argv: string[]) {
  try {
    await command.run(argv, coreRoot);
    return 0;
  } catch (error) {
    if (error instanceof Errors.ExitError) return error.oclif.exit;
    throw error;
  }
}

describe('flags and inputs are checked before any request', () => {
  it.each(['0', '0s', '-5'])(
    '--wait-timeout %s is refused (exit 2) before the gadget is stopped',
    async (value) => {
      expect(await run(GadgetStop, ['g1', '--wait', `--wait-timeout=${value}`])).toBe(2);
      expect(requests).toBe(0);
      expect(stderr.join('')).toMatch(/wait-timeout/);
    },
  );

  it('a missing input file exits 2 naming the path, and sends nothing', async () => {
    const missing = join(home, 'no-such.pub');
    expect(await run(GadgetUpload, [missing])).toBe(2);
    expect(stderr.join('')).toContain(missing);
    expect(stderr.join('')).not.toContain('ENOENT');
    expect(requests).toBe(0);
    expect(await run(GadgetUpload, [home])).toBe(2);
    expect(stderr.join('')).toContain('is a directory');
  });

  it('an unreachable token server met while authorizing exits 1 (network), not 3 (auth)', async () => {
    expect(await run(GadgetStop, ['g1', '--gadgets-sso', 'http://127.0.0.1:1'])).toBe(1);
    expect(stderr.join('')).toMatch(/Network|reach/i);
  });
});

describe('secret flag values are masked wherever a parse error echoes them', () => {
  it.each([
    [['g1', '--gadgets-key', SECRET, `extra-${SECRET}`]],
    [['g1', `--gadgets-key=${SECRET}`, `extra-${SECRET}`]],
    [['g1', '--gadgets-key', SECRET, '--nope', SECRET]],
    [['g1', '--gadgets-key', SECRET, `extra-${SECRET}`, '--json']],
  ])('%j', async (argv) => {
    expect(await run(GadgetStop, argv)).toBe(2);
    expect(`${stdout.join('')}${stderr.join('')}`).not.toContain(SECRET);
    expect(requests).toBe(0);
  });
});
