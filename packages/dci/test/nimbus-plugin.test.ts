import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import dciPlugin from '../src/nimbus-plugin.js';

describe('the nimbus provider plugin', () => {
  it("declares dcictl's variables and flags, secrets masked", () => {
    const { fields } = dciPlugin.profile;
    expect(fields.url).toMatchObject({ env: ['DCI_CS_URL'], flag: 'dci-cs-url', required: true });
    expect(fields.apiSecret).toMatchObject({ env: ['DCI_API_SECRET'], flag: 'dci-api-secret', secret: true });
    expect(fields.password?.secret).toBe(true);
    expect(fields.ssoToken).toMatchObject({ env: ['SSO_TOKEN'], flag: 'sso-token', secret: true });
  });

  it('validates that a section holds one complete credential set', () => {
    expect(dciPlugin.profile.validate?.({ url: 'http://x' })).toEqual([
      { path: 'credentials', message: expect.stringContaining('No credentials provided') },
    ]);
    expect(dciPlugin.profile.validate?.({ url: 'http://x', clientId: 'remoteci/a' })).toEqual([
      { path: 'credentials', message: expect.stringContaining('DCI_API_SECRET') },
    ]);
    expect(dciPlugin.profile.validate?.({ url: 'http://x', login: 'u', password: 'p' })).toEqual([]);
  });

  it('starts a sandbox whose profile section authenticates as the seeded remoteci', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'nimbus-dci-sandbox-'));
    const sandbox = await dciPlugin.startSandbox({ stateDir });
    try {
      const section = sandbox.profile;
      expect(section.url).toBe(sandbox.url);
      const client = await dciPlugin.createClient({ ...dciPlugin.clientOptions(section), retry: false });
      expect((await client.identity()).id).toBe(section.clientId?.split('/')[1]);
      expect((await client.topics.list().toArray()).length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
      await rm(stateDir, { recursive: true, force: true });
    }
    expect(dciPlugin.demo.map((step) => step.argv.slice(0, 3))).toContainEqual(['dci', 'topic', 'list']);
  });
});
