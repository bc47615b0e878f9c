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
  type WaitControl,
  waitFlags,
} from '../../src/cli/index.js';
import { createTransport, type Transport, waitFor } from '../../src/index.js';
import { createProfileStore, type ProfileSection } from '../../src/provider/index.js';
import {
  EmulatorHttpError,
  Router,
  type RunningEmulator,
  startEmulatorServer,
} from '../../src/testing/index.js';

const TOKEN = 'tok-0123456789abcdef';
const coreRoot = fileURLToPath(new URL('../..', import.meta.url));

const widgets: NimbusProviderPlugin = {
  name: 'widgets',
  title: 'Widgets',
  profile: {
    fields: {
      url: { description: 'URL', env: ['WIDGETS_URL'], flag: 'widgets-url', required: true },
      token: {
        description: 'Token',
        env: ['WIDGETS_TOKEN'],
        flag: 'widgets-token',
        secret: true,
        required: true,
      },
    },
  },
  startSandbox: () => Promise.reject(new Error('not used here')),
  demo: [],
};

function widgetTransport(settings: ProfileSection, command: { logger: unknown }): Transport {
  const token = settings.token as string;
  return createTransport({
    baseUrl: settings.url as string,
    retry: false,
    logger: command.logger as never,
    auth: {
      kind: 'bearer',
      authorize: (request) => request.headers.set('authorization', `Bearer ${token}`),
      describe: () => 'bearer',
      secrets: () => [token],
    },
  });
}

class WidgetList extends NimbusCommand<typeof WidgetList> {
  static override flags = { ...profileFlags(widgets.profile) };
  override get logger() {
    return super.logger;
  }
  async run(): Promise<void> {
    const settings = await this.resolveSettings(widgets);
    const { data } = await widgetTransport(settings, this).send<object[]>({
      method: 'GET',
      path: '/widgets',
    });
    this.printList(data, { columns: ['id', 'name'] });
  }
}

class WidgetShow extends NimbusCommand<typeof WidgetShow> {
  static override args = { id: Args.string({ required: true }) };
  static override flags = { ...profileFlags(widgets.profile), ...waitFlags };
  override get logger() {
    return super.logger;
  }
  async run(): Promise<void> {
    const settings = await this.resolveSettings(widgets);
    const transport = widgetTransport(settings, this);
    const read = async (signal?: AbortSignal) =>
      (
        await transport.send<{ id: string; state: string }>({
          method: 'GET',
          path: `/widgets/${this.args.id}`,
          signal,
        })
      ).data;
    if (!this.flags.wait) {
      this.printResult(await read());
      return;
    }
    const widget = await this.waitWithSpinner('Waiting', (control: WaitControl) =>
      waitFor(
        async (signal) => {
          const w = await read(signal);
          return w.state === 'ready' ? { status: 'done', value: w } : { status: 'pending', state: w.state };
        },
        {
          timeoutMs: control.timeoutMs,
          minDelayMs: 10,
          maxDelayMs: 20,
          signal: control.signal,
          onProgress: control.onProgress,
        },
      ),
    );
    this.printResult(widget);
  }
}

let server: RunningEmulator;
let requests = 0;
let home: string;
let stdout: string[];
let stderr: string[];
const savedEnv = { ...process.env };

beforeAll(async () => {
  const router = new Router()
    .get('/widgets', (request) => {
      requests++;
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        throw new EmulatorHttpError(401, { message: 'bad token' });
      }
      return {
        status: 200,
        body: [
          { id: 'w2', name: 'sprocket', colour: 'red' },
          { id: 'w1', name: 'gear', colour: 'blue' },
        ],
      };
    })
    .get('/widgets/:id', (request) => {
      requests++;
      if (request.params.id === 'w1')
        return { status: 200, body: { id: 'w1', name: 'gear', state: 'ready' } };
      if (request.params.id === 'slow') return { status: 200, body: { id: 'slow', state: 'building' } };
      throw new EmulatorHttpError(404, { message: `no widget ${request.params.id}` });
    });
  server = await startEmulatorServer({ handler: router });
});
afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-cmd-'));
  process.env.XDG_CONFIG_HOME = home;
  delete process.env.WIDGETS_URL;
  delete process.env.WIDGETS_TOKEN;
  delete process.env.NIMBUS_PROFILE;
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

/** Runs a command in-process; resolves with the exit code (0 when it returned). */
async function run(command: { run(argv: string[], root: string): Promise<unknown> }, argv: string[]) {
  try {
    await command.run(argv, coreRoot);
    return 0;
  } catch (error) {
    if (error instanceof Errors.ExitError) return error.oclif.exit;
    throw error;
  }
}

async function saveProfile(name: string, section: ProfileSection, use = true) {
  const store = createProfileStore({ dir: join(home, 'nimbus') });
  await store.put(name, { widgets: section });
  if (use) await store.use(name);
}

describe('NimbusCommand output', () => {
  it('prints a list as a JSON array of the items with --json', async () => {
    await saveProfile('lab', { url: server.url, token: TOKEN });
    expect(await run(WidgetList, ['--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual([
      { id: 'w2', name: 'sprocket', colour: 'red' },
      { id: 'w1', name: 'gear', colour: 'blue' },
    ]);
  });

  it('prints a table honouring --columns, --sort and --no-header', async () => {
    await saveProfile('lab', { url: server.url, token: TOKEN });
    await run(WidgetList, []);
    expect(stdout.join('')).toBe('ID  NAME\nw2  sprocket\nw1  gear\n');
    stdout.length = 0;
    await run(WidgetList, ['--columns', 'name,colour', '--sort', 'name', '--no-header']);
    expect(stdout.join('')).toBe('gear      blue\nsprocket  red\n');
  });

  it('prints one resource as the object with --json', async () => {
    await saveProfile('lab', { url: server.url, token: TOKEN });
    expect(await run(WidgetShow, ['w1', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({ id: 'w1', name: 'gear', state: 'ready' });
  });
});

describe('NimbusCommand errors', () => {
  it('prints {"error": ...} on stdout with --json and exits 4 on not found', async () => {
    await saveProfile('lab', { url: server.url, token: TOKEN });
    expect(await run(WidgetShow, ['nope', '--json'])).toBe(4);
    const json = JSON.parse(stdout.join(''));
    expect(json).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining('no widget nope'),
        status: 404,
        details: { message: 'no widget nope' },
      },
    });
    expect(stderr.join('')).toBe('');
  });

  it('prints one line on stderr, no stack, and exits 3 on a rejected token', async () => {
    await saveProfile('lab', { url: server.url, token: 'wrong-token-value' });
    expect(await run(WidgetList, [])).toBe(3);
    const text = stderr.join('');
    expect(text).toMatch(/^Error: HTTP 401: bad token/);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(stdout.join('')).toBe('');
  });

  it('exits 2 with a usage error for an unknown flag, in JSON too', async () => {
    expect(await run(WidgetList, ['--bogus', '--json'])).toBe(2);
    expect(JSON.parse(stdout.join(''))).toEqual({
      error: { code: 'USAGE', message: 'Nonexistent flag: --bogus' },
    });
  });

  it('exits 2 naming every way to set a missing setting, before any request', async () => {
    const before = requests;
    expect(await run(WidgetList, [])).toBe(2);
    expect(stderr.join('')).toContain(
      'widgets.url required; set --widgets-url, WIDGETS_URL, profile widgets.url',
    );
    expect(requests).toBe(before);
  });

  it('exits 6 when --wait runs past --wait-timeout', async () => {
    await saveProfile('lab', { url: server.url, token: TOKEN });
    expect(await run(WidgetShow, ['slow', '--wait', '--wait-timeout', '200ms', '--json'])).toBe(6);
    expect(JSON.parse(stdout.join('')).error.code).toBe('WAIT_TIMEOUT');
  });

  it('rejects a malformed --wait-timeout as a usage error', async () => {
    expect(await run(WidgetShow, ['w1', '--wait', '--wait-timeout', 'soon'])).toBe(2);
    expect(stderr.join('')).toBe(
      'Error: Parsing --wait-timeout "soon" is not a duration; use e.g. 90s, 10m, 1h30m or a number of seconds See more help with --help\n',
    );
  });

  it('shows the stack only with --debug, and never the secret', async () => {
    await saveProfile('lab', { url: server.url, token: 'wrong-token-value' });
    await run(WidgetList, ['--debug']);
    const text = stderr.join('');
    expect(text).toContain('    at ');
    expect(text).toContain('[nimbus] request #1 GET');
    expect(text).toContain('"authorization":"[REDACTED]"');
    expect(text).not.toContain('wrong-token-value');
  });
});

describe('NimbusCommand.resolveSettings', () => {
  it('uses flags over environment over the active profile', async () => {
    await saveProfile('lab', { url: 'http://127.0.0.1:9/unused', token: 'profile-token' });
    process.env.WIDGETS_URL = server.url;
    // env beats the profile's dead URL; the flag beats the profile's wrong token.
    expect(await run(WidgetList, ['--widgets-token', TOKEN, '--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toHaveLength(2);
  });

  it('reads the profile named by --profile or NIMBUS_PROFILE instead of the active one', async () => {
    await saveProfile('good', { url: server.url, token: TOKEN }, false);
    await saveProfile('bad', { url: server.url, token: 'bad-token-xyz' }, true);
    expect(await run(WidgetList, ['--profile', 'good', '--json'])).toBe(0);
    process.env.NIMBUS_PROFILE = 'good';
    expect(await run(WidgetList, ['--json'])).toBe(0);
    delete process.env.NIMBUS_PROFILE;
    expect(await run(WidgetList, ['--json'])).toBe(3);
  });

  it('fails with exit 4, as `profile show` does, for a --profile that does not exist', async () => {
    expect(await run(WidgetList, ['--profile', 'ghost'])).toBe(4);
    expect(stderr.join('')).toContain('No profile named "ghost"');
  });
});
