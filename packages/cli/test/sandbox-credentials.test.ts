import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The sandbox prints everything needed to use it, and starts RGW only when asked or needed.
let home: IsolatedHome;

beforeEach(async () => {
  home = await createIsolatedHome();
});
afterEach(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

interface Service {
  name: string;
  url: string;
  credentials?: Record<string, string>;
}

describe('sandbox up', () => {
  it("lists DCI's other seeded identities, and starts no S3 for providers that keep nothing there", async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 'dci', '--json'], home.env);
    expect(up.code, up.stderr).toBe(0);
    const services = JSON.parse(up.stdout).services as Service[];
    expect(services.map((s) => s.name)).toEqual(['dci']);
    expect(services[0]?.credentials).toMatchObject({
      'admin login': 'admin / admin',
      'feeder client id': expect.stringMatching(/^feeder\//),
      'feeder api secret': expect.any(String),
    });
    const status = await runNimbus(['sandbox', 'status'], home.env);
    expect(status.stdout).toContain('Sandbox-only credentials:');
    expect(status.stdout).toMatch(/^ {2}dci admin login: admin \/ admin$/m);
  });

  it('starts the local RGW for a provider that keeps data in S3, and prints its endpoint and keys', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 's3aas', '--json'], home.env);
    expect(up.code, up.stderr).toBe(0);
    const s3 = (JSON.parse(up.stdout).services as Service[]).find((s) => s.name === 's3');
    expect(s3?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s3?.credentials).toMatchObject({
      region: expect.any(String),
      accessKeyId: expect.any(String),
      secretAccessKey: expect.any(String),
    });
    const status = await runNimbus(['sandbox', 'status', '--json'], home.env);
    expect(JSON.parse(status.stdout).services).toContainEqual(expect.objectContaining({ name: 's3' }));
  });
});
