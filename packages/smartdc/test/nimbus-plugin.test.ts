import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../src/nimbus-plugin.js';
import { tempDir } from './support/ssh-keys.js';

describe('the nimbus provider plugin', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('declares the node-triton settings with their environment variables', () => {
    expect(plugin.name).toBe('smartdc');
    expect(plugin.profile.fields.url?.env).toEqual(['TRITON_URL', 'SDC_URL']);
    expect(plugin.profile.fields.keyId?.flag).toBe('key-id');
    expect(() => plugin.checkSettings({ url: 'ftp://x', account: 'a/b', keyId: 'aa' })).toThrow(
      'smartdc.url must be an http(s) URL (set by --url, TRITON_URL, SDC_URL, profile smartdc.url); ' +
        'smartdc.keyId must be an SSH key fingerprint (aa:bb:… or MD5:aa:…, SHA256:…) or /<account>/keys/<md5> ' +
        '(set by --key-id, TRITON_KEY_ID, SDC_KEY_ID, profile smartdc.keyId); smartdc.account must not contain "/"',
    );
  });

  it('starts a sandbox whose profile section signs with a generated 0600 key', async () => {
    const dir = await tempDir('smartdc-sandbox-');
    cleanups.push(dir.remove);
    const sandbox = await plugin.startSandbox({ stateDir: dir.path });
    cleanups.push(() => sandbox.close());
    const { url, keyId, keyFile } = sandbox.profile;
    expect(url).toBe(sandbox.url);
    expect(keyId).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(((await stat(keyFile ?? '')).mode & 0o777).toString(8)).toBe('600');
    const triton = await plugin.createClient(plugin.clientOptions(plugin.checkSettings(sandbox.profile)));
    expect((await triton.keys.list()).map((k) => k.name)).toEqual(['nimbus-sandbox']);
  });

  it('demo steps are smartdc commands', () => {
    expect(plugin.demo.length).toBeGreaterThan(3);
    for (const step of plugin.demo) expect(step.argv[0]).toBe('smartdc');
  });
});
