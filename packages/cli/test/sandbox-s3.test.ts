import { isRgwInstalled } from '@nimbus-sdk/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';
import { processesWithHome } from './support/leftover-processes.js';

let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

describe('nimbus sandbox and the local S3 server', () => {
  it('runs Ceph RGW next to the emulators when radosgw is installed, and stops it on down', async () => {
    const installed = await isRgwInstalled();
    // The hello provider keeps nothing in S3, so RGW runs only when asked (and --s3 without radosgw is refused).
    const ask = installed ? ['--s3'] : [];
    const up = await runNimbus(
      ['sandbox', 'up', '--detach', ...ask, '--provider', 'hello', '--json'],
      home.env,
    );
    expect(up.code, up.stderr).toBe(0);
    const services = JSON.parse(up.stdout).services as { name: string; url: string }[];
    const s3 = services.find((s) => s.name === 's3');
    if (installed) {
      expect(s3?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A real S3 answers an anonymous ListBuckets with an XML AccessDenied/ListAllMyBucketsResult.
      const response = await fetch(s3?.url as string);
      expect(response.headers.get('content-type') ?? '').toMatch(/xml/);
    } else {
      expect(s3).toBeUndefined();
    }
    const down = await runNimbus(['sandbox', 'down', '--json'], home.env);
    expect(JSON.parse(down.stdout)).toMatchObject({ stopped: true, killed: false });
    expect(await processesWithHome(home.env.HOME as string)).toEqual([]);
  }, 300_000);
});
