import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';

// Without a terminal nobody can click the login page: `naas login` says what works in a script
// instead of waiting minutes for a browser callback that never comes.
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-naas-login-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('naas login without a terminal', () => {
  it('exits 2 at once naming the headless options', async () => {
    const run = await runNimbus(['naas', 'login'], isolatedEnv(home));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --token <jwt> or --jupyterhub-token <token>');
  });
});
