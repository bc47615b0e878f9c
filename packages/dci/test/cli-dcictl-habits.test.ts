import { describe, expect, it } from 'vitest';
import { useDciCli } from './dci-cli-fixture.js';

// dcictl users type its command names (job-list, remoteci-reset-api-secret); they run the same commands.
const fixture = useDciCli('admin');
const dci = fixture.dci;

describe('dcictl habits', () => {
  it('runs job-list as job list', async () => {
    const dashed = await dci(['job-list', '--json']);
    const spaced = await dci(['job', 'list', '--json']);
    expect(dashed.code, dashed.stderr).toBe(0);
    expect(JSON.parse(dashed.stdout)).toEqual(JSON.parse(spaced.stdout));
  });

  it('resets a remoteci API secret and prints the new one, which then signs and the old does not', async () => {
    const { remoteci } = fixture.emulator.seed;
    const id = remoteci.clientId.split('/')[1] as string;
    const run = await dci(['remoteci-reset-api-secret', id, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { api_secret: secret } = JSON.parse(run.stdout) as { api_secret: string };
    expect(secret).toMatch(/^\w{20,}/);
    expect(secret).not.toBe(remoteci.apiSecret);
    const signedWith = (apiSecret: string) =>
      dci(['identity', 'show', '--json'], {
        DCI_LOGIN: '',
        DCI_PASSWORD: '',
        DCI_CLIENT_ID: remoteci.clientId,
        DCI_API_SECRET: apiSecret,
      });
    expect((await signedWith(secret)).code).toBe(0);
    expect((await signedWith(remoteci.apiSecret)).code).toBe(3);
  });
});
