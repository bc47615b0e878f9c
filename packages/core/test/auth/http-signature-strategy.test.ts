import { createRequire } from 'node:module';
import { join } from 'node:path';
import sshpk from 'sshpk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthStrategy,
  findSigningKey,
  fingerprintMd5,
  httpSignature,
  isApiError,
  SigningError,
} from '../../src/index.js';
import { createSshAgentClient, loadPrivateKey } from '../../src/signing/index.js';
import { verifyHttpSignature } from '../../src/testing/index.js';
import { startVerifierServer } from '../verifiers/emulator-request.js';
import { createSshKeyLab, type SshKeyLab } from './ssh-key-lab.js';

const requireCjs = createRequire(import.meta.url);
const joyent = requireCjs('http-signature') as {
  parseRequest(request: unknown, options?: unknown): unknown;
  verifySignature(parsed: unknown, publicKey: string): boolean;
};

const NOW = new Date('2026-03-01T10:00:00Z');
let lab: SshKeyLab;
let server: { url: string; close(): Promise<void> };
let agentSocket: string;
const publicKeys = new Map<string, string>();

beforeAll(async () => {
  lab = await createSshKeyLab();
  for (const [name, type, bits] of [
    ['id_rsa', 'rsa', 2048],
    ['id_ecdsa', 'ecdsa', 256],
    ['id_ecdsa384', 'ecdsa', 384],
    ['agent_rsa', 'rsa', 2048],
    ['agent_ecdsa', 'ecdsa', 256],
    ['id_ed25519', 'ed25519', undefined],
  ] as const) {
    const line = await lab.keygen(name, type, bits);
    publicKeys.set(fingerprintMd5(line), line);
  }
  publicKeys.set(fingerprintMd5(await lab.keygen('id_locked', 'rsa', 2048, 'correct horse')), 'locked');
  agentSocket = await lab.startAgent(['agent_rsa', 'agent_ecdsa']);
  server = await startVerifierServer(
    async (request) => {
      const result = await verifyHttpSignature(request, {
        lookupKey: ({ login, key }) => (login === 'alice' ? publicKeys.get(key) : undefined),
      });
      // Joyent's own verifier must agree with ours on every accepted request.
      let joyentOk: boolean | string = 'n/a';
      if (result.ok) {
        try {
          const parsed = joyent.parseRequest(
            {
              method: request.method,
              url: `${request.rawPath}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
              httpVersion: '1.1',
              headers: request.headers,
            },
            { clockSkew: Number.MAX_VALUE },
          );
          const line = publicKeys.get(result.keyId.key) as string;
          joyentOk = joyent.verifySignature(parsed, sshpk.parseKey(line, 'ssh').toString('pem'));
        } catch (error) {
          joyentOk = (error as Error).name;
        }
      }
      return { status: result.ok ? 200 : 401, body: result.ok ? { ...result, joyentOk } : result };
    },
    () => NOW,
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  await lab?.close();
});

async function call(auth: AuthStrategy, path = '/alice/machines?limit=2&name=a%20b', now = NOW) {
  const url = new URL(path, server.url);
  const headers = new Headers({ accept: 'application/json' });
  await auth.authorize({ method: 'GET', url, headers, body: undefined }, { now: () => now, attempt: 1 });
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers };
}

/** CloudAPI's keyId shape for an account key (the smartdc package owns the real builder). */
const aliceKeyId = (md5: string) => `/alice/keys/${md5}`;

const fp = (name: string) => {
  for (const [md5, line] of publicKeys) if (line.endsWith(`${name}@test`)) return md5;
  throw new Error(name);
};

describe('httpSignature over real HTTP', () => {
  it('RSA key file: modern (request-target) date, verified by us and by Joyent http-signature', async () => {
    const auth = httpSignature({
      keyId: aliceKeyId(fp('id_rsa')),
      keyFile: join(lab.dir, 'id_rsa'),
    });
    const result = await call(auth);
    expect(result.body).toMatchObject({
      ok: true,
      algorithm: 'rsa-sha256',
      format: 'modern',
      joyentOk: true,
    });
    expect(result.headers.get('date')).toBe(NOW.toUTCString());
    expect(result.headers.get('authorization')).toMatch(
      /^Signature keyId="\/alice\/keys\/[0-9a-f:]{47}",algorithm="rsa-sha256",headers="\(request-target\) date",signature="[A-Za-z0-9+/=]+"$/,
    );
  });

  it('ECDSA P-256 and P-384 key files sign ecdsa-sha256 / ecdsa-sha384 in DER', async () => {
    const p256 = await call(
      httpSignature({ keyId: aliceKeyId(fp('id_ecdsa')), keyFile: join(lab.dir, 'id_ecdsa') }),
    );
    expect(p256.body).toMatchObject({ ok: true, algorithm: 'ecdsa-sha256', joyentOk: true });
    const p384 = await call(
      httpSignature({
        keyId: aliceKeyId(fp('id_ecdsa384')),
        keyFile: join(lab.dir, 'id_ecdsa384'),
      }),
    );
    // http-signature (like CloudAPI's parser) knows no sha384: P-384 keys verify here but not there.
    expect(p384.body).toMatchObject({ ok: true, algorithm: 'ecdsa-sha384', joyentOk: 'InvalidParamsError' });
  });

  it('legacy 0.9 format signs the bare Date', async () => {
    const auth = httpSignature({
      keyId: aliceKeyId(fp('id_rsa')),
      keyFile: join(lab.dir, 'id_rsa'),
      format: 'legacy',
    });
    const result = await call(auth);
    // The modern http-signature package refuses 0.9 headers; CloudAPI falls back to its vendored parser.
    expect(result.body).toMatchObject({ ok: true, format: 'legacy', joyentOk: 'InvalidHeaderError' });
    expect(result.headers.get('authorization')).toMatch(
      /^Signature keyId="[^"]+",algorithm="rsa-sha256" [A-Za-z0-9+/=]+$/,
    );
  });

  it('finds a key in an ssh directory by SHA256 fingerprint', async () => {
    const line = publicKeys.get(fp('id_ecdsa')) as string;
    const sha = sshpk.parseKey(line, 'ssh').fingerprint('sha256').toString();
    // The keyId is built from the key found, so a SHA256 setting still goes on the wire as MD5.
    const auth = httpSignature({
      keyId: (key) => `/alice/keys/${key.fingerprint}`,
      findKey: { fingerprint: sha, sshDir: lab.dir },
    });
    expect((await call(auth)).body).toMatchObject({ ok: true, algorithm: 'ecdsa-sha256' });
  });

  it('signs through a real ssh-agent with RSA (rsa-sha2-256) and ECDSA keys', async () => {
    const identities = await createSshAgentClient({ socketPath: agentSocket }).listIdentities();
    expect(identities.map((i) => i.fingerprint).sort()).toEqual([fp('agent_rsa'), fp('agent_ecdsa')].sort());
    for (const [name, algorithm] of [
      ['agent_rsa', 'rsa-sha256'],
      ['agent_ecdsa', 'ecdsa-sha256'],
    ] as const) {
      const auth = httpSignature({
        keyId: aliceKeyId(fp(name)),
        agent: { socketPath: agentSocket, fingerprint: `MD5:${fp(name)}` },
      });
      expect((await call(auth)).body, name).toMatchObject({ ok: true, algorithm, joyentOk: true });
    }
  });

  it('reuses an agent signature of identical data within 10 s (no second confirm prompt)', async () => {
    const signer = await findSigningKey({
      fingerprint: fp('agent_ecdsa'),
      sshDir: false,
      agent: { socketPath: agentSocket },
    });
    const first = await signer.sign(Buffer.from('same bytes'));
    // ECDSA signatures are randomised, so equality proves the cached one was returned.
    expect(await signer.sign(Buffer.from('same bytes'))).toEqual(first);
    expect(await signer.sign(Buffer.from('other bytes'))).not.toEqual(first);
  });

  it('sets a fresh Date on every attempt and the server rejects a stale one', async () => {
    const auth = httpSignature({
      keyId: aliceKeyId(fp('id_rsa')),
      keyFile: join(lab.dir, 'id_rsa'),
    });
    const stale = await call(auth, '/alice/machines', new Date(NOW.getTime() - 301_000));
    expect(stale.body).toMatchObject({ ok: false, kind: 'expired' });
    const fresh = await call(auth, '/alice/machines', new Date(NOW.getTime() - 300_000));
    expect(fresh.body).toMatchObject({ ok: true });
  });

  it('a key the server does not know is unknown-key; a key id of another shape is bad-key-id', async () => {
    const other = httpSignature({ keyId: '/bob/keys/aa', keyFile: join(lab.dir, 'id_rsa') });
    expect((await call(other)).body).toMatchObject({ ok: false, kind: 'unknown-key' });
    const shape = httpSignature({ keyId: '/alice/aa', keyFile: join(lab.dir, 'id_rsa') });
    expect((await call(shape)).body).toMatchObject({ ok: false, kind: 'bad-key-id' });
  });

  it('signing with a key other than the keyId names is invalid', async () => {
    const auth = httpSignature({
      keyId: aliceKeyId(fp('id_rsa')),
      keyFile: join(lab.dir, 'agent_rsa'),
    });
    expect((await call(auth)).body).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('key diagnostics', () => {
  it('no key matches: the error lists every candidate fingerprint seen', async () => {
    const error = await findSigningKey({
      fingerprint: '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff',
      sshDir: lab.dir,
      agent: { socketPath: agentSocket },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    const diagnostics = (error as SigningError).diagnostics;
    expect(diagnostics.candidates).toEqual(
      expect.arrayContaining([fp('id_rsa'), fp('agent_ecdsa'), fp('id_ed25519')]),
    );
  });

  it('an encrypted key without passphrase says so; with the passphrase it signs', async () => {
    const locked = [...publicKeys].find(([, v]) => v === 'locked')?.[0] as string;
    const error = await findSigningKey({ fingerprint: locked, sshDir: lab.dir, agent: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SigningError);
    expect((error as Error).message).toMatch(/encrypted and no passphrase/);
    const signer = await findSigningKey({
      fingerprint: locked,
      sshDir: lab.dir,
      agent: false,
      passphrase: 'correct horse',
    });
    expect((await signer.sign(Buffer.from('x'))).algorithm).toBe('rsa-sha256');
    const wrong = await loadPrivateKey({ keyFile: join(lab.dir, 'id_locked'), passphrase: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(SigningError);
  });

  it('ed25519 is refused with a CloudAPI explanation', async () => {
    const error = await loadPrivateKey({ keyFile: join(lab.dir, 'id_ed25519') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect((error as Error).message).toMatch(/ed25519 keys cannot sign CloudAPI requests/);
  });

  it('a key file other than the configured fingerprint fails naming both, before any request', async () => {
    const sha = sshpk
      .parseKey(publicKeys.get(fp('id_rsa')) as string, 'ssh')
      .fingerprint('sha256')
      .toString();
    const error = await loadPrivateKey({ keyFile: join(lab.dir, 'agent_rsa'), fingerprint: sha }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SigningError);
    expect((error as Error).message).toContain(sha);
    expect((error as Error).message).toContain(fp('agent_rsa'));
    const signer = await loadPrivateKey({ keyFile: join(lab.dir, 'id_rsa'), fingerprint: sha });
    expect(signer.fingerprint).toBe(fp('id_rsa'));
  });

  it('a missing key file is a ConfigError naming the path', async () => {
    const error = await loadPrivateKey({ keyFile: join(lab.dir, 'nope') }).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('CONFIG');
    expect((error as Error).message).toContain(join(lab.dir, 'nope'));
  });

  it('options are checked at construction; describe() and errors never contain the passphrase', () => {
    expect(() => httpSignature({ keyId: '/a/keys/b' })).toThrow(
      /exactly one of privateKey, keyFile, agent or findKey/,
    );
    expect(() => httpSignature({ keyId: '/a/keys/b', agent: { fingerprint: '!!!!' } })).toThrow(
      /fingerprint/,
    );
    expect(() => httpSignature({ keyId: '/a/keys/b', keyFile: 'k', headers: ['host'] })).toThrow(
      /must include date/,
    );
    const auth = httpSignature({ keyId: '/a/keys/b', keyFile: 'k', passphrase: 'pass-phrase-1' });
    expect(auth.describe()).toBe('http-signature /a/keys/b (k)');
    expect(auth.secrets?.()).toEqual(['pass-phrase-1']);
  });
});
