import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type NaasEmulator, type NaasEmulatorOptions, startNaasEmulator } from '../src/emulator/index.js';
import { createNaasClient, type NaasClient, type NaasClientOptions } from '../src/index.js';

/** A started emulator per test file, reset after each test, plus a temp home for credential files. */
export function useNaasEmulator(options: NaasEmulatorOptions = {}) {
  const handle = {} as {
    emulator: NaasEmulator;
    home: string;
    /** A client on the seeded token with an empty env and a private credentials file. */
    client(extra?: NaasClientOptions): NaasClient;
  };
  beforeAll(async () => {
    handle.emulator = await startNaasEmulator(options);
    handle.home = await mkdtemp(join(tmpdir(), 'naas-test-'));
    handle.client = (extra = {}) =>
      createNaasClient({
        url: handle.emulator.url,
        authUrl: handle.emulator.authUrl,
        token: handle.emulator.seed.token,
        env: {},
        credentialsFile: join(handle.home, '.naas', 'credentials'),
        retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
        ...extra,
      });
  });
  afterEach(() => {
    handle.emulator.reset();
    handle.emulator.faults.clear();
  });
  afterAll(async () => {
    await handle.emulator?.close();
    if (handle.home) await rm(handle.home, { recursive: true, force: true });
  });
  return handle;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the call to fail');
}
