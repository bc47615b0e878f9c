import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetworkError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { createImsClient } from '../src/index.js';
import { startEmulator } from './emulator-fixture.js';

// A Cray gateway's certificate is signed by the cluster's own CA (`--cert` / CA_CERT). Here a TLS
// front with a private self-signed certificate relays to the emulator.
let ims: ImsEmulator;
let front: Server;
let frontUrl: string;
let cert: string;
const dir = mkdtempSync(join(tmpdir(), 'ims-ca-'));

beforeAll(async () => {
  ims = await startEmulator();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  front = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
      ),
    );
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${ims.url}${req.url}`, { method: req.method, headers, body });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => front.close(() => resolve()));
  await ims.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('caBundle', () => {
  const options = () => ({
    url: `${frontUrl}/apis/ims`,
    auth: {
      tokenUrl: `${frontUrl}/keycloak/realms/shasta/protocol/openid-connect/token`,
      clientId: ims.seed.clientId,
      clientSecret: ims.seed.clientSecret,
    },
    retry: false as const,
  });

  it('trusts the given CA for the token request and the IMS calls', async () => {
    const client = createImsClient({ ...options(), caBundle: cert });
    await client.images.create({ name: 'over-tls' });
    expect((await client.images.list().toArray()).map((image) => image.name)).toEqual(['over-tls']);
    expect(ims.tokensIssued).toBe(1);
  });

  it('refuses the private certificate without the CA', async () => {
    const client = createImsClient(options());
    await expect(client.images.list().toArray()).rejects.toBeInstanceOf(NetworkError);
  });
});
