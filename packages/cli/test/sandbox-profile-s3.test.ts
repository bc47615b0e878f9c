import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The sandbox writes what it prints: a provider that keeps data in S3 finds the local RGW's
// endpoint and keys in its section of the `sandbox` profile, the same ones `sandbox up --json`
// and `sandbox status --json` print; `profile show` masks the secret key.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home?.remove();
});

interface Service {
  name: string;
  url: string;
  credentials?: Record<string, string>;
}

describe('the sandbox profile and the local S3 server', () => {
  it("holds the RGW endpoint and keys that up and status print, in the S3 provider's section", async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 'ims', '--json'], home.env);
    expect(up.code, up.stderr).toBe(0);
    const s3 = (JSON.parse(up.stdout).services as Service[]).find((s) => s.name === 's3');
    expect(s3?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await runNimbus(['sandbox', 'status', '--json'], home.env);
    expect(status.code, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout).services as Service[]).find((s) => s.name === 's3')).toEqual(s3);

    const stored = JSON.parse(await readFile(join(home.configDir, 'profiles.json'), 'utf8')) as {
      profiles: Record<string, Record<string, Record<string, string>>>;
    };
    expect(stored.profiles.sandbox?.ims).toMatchObject({
      s3Endpoint: s3?.url,
      s3AccessKey: s3?.credentials?.accessKeyId,
      s3SecretKey: s3?.credentials?.secretAccessKey,
    });

    const shown = await runNimbus(['profile', 'show', 'sandbox', '--json'], home.env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).sections.ims).toMatchObject({
      s3Endpoint: s3?.url,
      s3SecretKey: '********',
    });
    expect(shown.stdout).not.toContain(s3?.credentials?.secretAccessKey);
  });
});
