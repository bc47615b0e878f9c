import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseExpiration, parseS3EndpointUrl } from '../src/index.js';
import { useNaasEmulator } from './fixture.js';

describe('S3 session credentials', () => {
  const naas = useNaasEmulator();
  const ws = () => naas.emulator.seed.workspaceId;

  it('parses endpoint_url and both expiry forms', () => {
    expect(parseS3EndpointUrl('s3://bucket-1/ws/st/')).toEqual({ bucket: 'bucket-1', prefix: 'ws/st/' });
    expect(parseS3EndpointUrl('s3://bucket-1/ws/st')).toEqual({ bucket: 'bucket-1', prefix: 'ws/st/' });
    expect(parseExpiration('2024-06-19 16:41:39+00:00').toISOString()).toBe('2024-06-19T16:41:39.000Z');
    expect(parseExpiration('2024-06-19T16:41:39Z').toISOString()).toBe('2024-06-19T16:41:39.000Z');
    expect(parseExpiration('2024-06-19T18:41:39+02:00').toISOString()).toBe('2024-06-19T16:41:39.000Z');
    expect(() => parseExpiration('19/06/2024')).toThrow(/unrecognised/);
  });

  it('fetches once, saves merged to the credentials file (0600), and reuses it across clients', async () => {
    const client = naas.client();
    const first = await client.storageSessions.get(ws(), 'default-storage');
    expect(naas.emulator.state.credentialsIssued).toBe(1);
    expect(await client.storageSessions.get(ws(), 'default-storage')).toBe(first);
    const file = client.settings.credentialsFile;
    const saved = JSON.parse(await readFile(file, 'utf8'));
    const s3 = saved.storage[ws()]['default-storage'].s3;
    expect(s3.AWS_ACCESS_KEY_ID).toBe(first.accessKeyId);
    expect(s3.AWS_SESSION_EXPIRATION_TOKEN).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A new client (another process) reads the file instead of asking again.
    const again = await naas.client().storageSessions.get(ws(), 'default-storage');
    expect(again.accessKeyId).toBe(first.accessKeyId);
    expect(naas.emulator.state.credentialsIssued).toBe(1);
    expect(process.env.AWS_ACCESS_KEY_ID).not.toBe(first.accessKeyId);
  });

  it('renews a session that expires within a minute', async () => {
    naas.emulator.behaviour.credentialsTtlSeconds = 30;
    try {
      const client = naas.client({ credentialsFile: `${naas.home}/short/.naas/credentials` });
      await client.storageSessions.get(ws(), 'default-storage');
      await client.storageSessions.get(ws(), 'default-storage');
      expect(naas.emulator.state.credentialsIssued).toBe(2);
    } finally {
      naas.emulator.behaviour.credentialsTtlSeconds = 3600;
    }
  });

  it('renews when the injected clock passes the refresh margin', async () => {
    let now = new Date();
    const client = naas.client({ credentialsFile: `${naas.home}/clock/.naas/credentials`, clock: () => now });
    await client.storageSessions.get(ws(), 'default-storage');
    now = new Date(now.getTime() + 3600_000 - 30_000);
    await client.storageSessions.get(ws(), 'default-storage');
    expect(naas.emulator.state.credentialsIssued).toBe(2);
  });
});
