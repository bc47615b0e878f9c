import { connect } from 'node:net';
import type sshpk from 'sshpk';
import { ConfigError, SigningError } from '../../errors/index.js';
import { sshEcdsaToDer } from './ecdsa-der.js';
import { SshWireReader, sshString, sshUint32 } from './ssh-wire.js';
import { sshpkModule } from './sshpk-module.js';

const AGENT_FAILURE = 5;
const REQUEST_IDENTITIES = 11;
const IDENTITIES_ANSWER = 12;
const SIGN_REQUEST = 13;
const SIGN_RESPONSE = 14;
/** Asks an agent for `rsa-sha2-256` instead of the SHA-1 `ssh-rsa` signature. */
const RSA_SHA2_256 = 2;
const MAX_REPLY = 256 * 1024;

/** One key held by an agent. */
export interface AgentIdentity {
  /** The public key blob (RFC 4253), as the agent identifies it. */
  blob: Buffer;
  comment: string;
  key: sshpk.Key;
  /** MD5 colon hex. */
  fingerprint: string;
}

/** A signature from the agent, converted to HTTP Signature form. */
export interface AgentSignature {
  /** `rsa-sha256`, `rsa-sha1` (agent ignored the flag), `ecdsa-sha256`, … from the returned type. */
  algorithm: string;
  /** Base64; PKCS#1 v1.5 bytes for RSA, ASN.1 DER for (EC)DSA. */
  signature: string;
}

/** A client of a running ssh-agent. Each call opens its own short connection. */
export interface SshAgentClient {
  readonly socketPath: string;
  listIdentities(signal?: AbortSignal): Promise<AgentIdentity[]>;
  sign(identity: AgentIdentity, data: Buffer, signal?: AbortSignal): Promise<AgentSignature>;
}

/**
 * Talks the ssh-agent protocol over a Unix socket (`$SSH_AUTH_SOCK` by default): lists identities and
 * signs with the `rsa-sha2-256` flag, converting the returned SSH signature blob.
 */
export function createSshAgentClient(options: { socketPath?: string } = {}): SshAgentClient {
  const socketPath = options.socketPath ?? process.env.SSH_AUTH_SOCK;
  if (!socketPath) {
    throw new ConfigError('No ssh-agent: SSH_AUTH_SOCK is not set and no agent socketPath was given', {
      details: { hint: 'start ssh-agent and ssh-add your key, or use a key file' },
    });
  }
  return {
    socketPath,
    async listIdentities(signal) {
      const reply = await exchange(socketPath, Buffer.from([REQUEST_IDENTITIES]), signal);
      const reader = new SshWireReader(reply);
      const type = reader.byte();
      if (type !== IDENTITIES_ANSWER)
        throw new SigningError(`ssh-agent answered ${type} to a key listing`, { source: 'agent' });
      const identities: AgentIdentity[] = [];
      for (let count = reader.uint32(); count > 0; count--) {
        const blob = Buffer.from(reader.string());
        const comment = reader.string().toString('utf8');
        try {
          const key = sshpkModule().parseKey(blob, 'rfc4253');
          identities.push({ blob, comment, key, fingerprint: key.fingerprint('md5').toString('hex') });
        } catch {
          // Certificates and key types sshpk does not know cannot sign HTTP Signatures anyway.
        }
      }
      return identities;
    },
    async sign(identity, data, signal) {
      const request = Buffer.concat([
        Buffer.from([SIGN_REQUEST]),
        sshString(identity.blob),
        sshString(data),
        sshUint32(identity.key.type === 'rsa' ? RSA_SHA2_256 : 0),
      ]);
      const reply = await exchange(socketPath, request, signal);
      const reader = new SshWireReader(reply);
      const type = reader.byte();
      if (type === AGENT_FAILURE) {
        throw new SigningError('ssh-agent refused to sign (key removed, or confirmation denied)', {
          fingerprint: identity.fingerprint,
          source: 'agent',
        });
      }
      if (type !== SIGN_RESPONSE)
        throw new SigningError(`ssh-agent answered ${type} to a sign request`, { source: 'agent' });
      return convertSignatureBlob(reader.string(), identity.fingerprint);
    },
  };
}

const SIGNATURE_TYPES: Record<string, { algorithm: string; der: boolean }> = {
  'ssh-rsa': { algorithm: 'rsa-sha1', der: false },
  'rsa-sha2-256': { algorithm: 'rsa-sha256', der: false },
  'rsa-sha2-512': { algorithm: 'rsa-sha512', der: false },
  'ecdsa-sha2-nistp256': { algorithm: 'ecdsa-sha256', der: true },
  'ecdsa-sha2-nistp384': { algorithm: 'ecdsa-sha384', der: true },
  'ecdsa-sha2-nistp521': { algorithm: 'ecdsa-sha512', der: true },
};

function convertSignatureBlob(blob: Buffer, fingerprint: string): AgentSignature {
  const reader = new SshWireReader(blob);
  const format = reader.string().toString('utf8');
  const body = reader.string();
  const known = SIGNATURE_TYPES[format];
  if (format === 'ssh-dss') {
    // DSA agent signatures are raw 20-byte r || 20-byte s.
    const r = body.subarray(0, 20);
    const s = body.subarray(20, 40);
    return {
      algorithm: 'dsa-sha1',
      signature: sshEcdsaToDer(Buffer.concat([sshString(r), sshString(s)])).toString('base64'),
    };
  }
  if (!known) {
    throw new SigningError(`ssh-agent returned a ${format} signature, which CloudAPI cannot verify`, {
      fingerprint,
      source: 'agent',
      hint: 'use an RSA or ECDSA key',
    });
  }
  return {
    algorithm: known.algorithm,
    signature: (known.der ? sshEcdsaToDer(body) : body).toString('base64'),
  };
}

/** Sends one framed request and reads one framed reply. */
function exchange(socketPath: string, payload: Buffer, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = connect(socketPath);
    let received = Buffer.alloc(0);
    const finish = (error: unknown, value?: Buffer): void => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(value as Buffer);
    };
    const onAbort = (): void => finish(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('connect', () => socket.write(Buffer.concat([sshUint32(payload.length), payload])));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readUInt32BE(0);
      if (length > MAX_REPLY)
        finish(new SigningError('ssh-agent reply is implausibly large', { source: 'agent' }));
      else if (received.length >= 4 + length) finish(undefined, received.subarray(4, 4 + length));
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        new SigningError(`Cannot talk to ssh-agent at ${socketPath} (${error.code ?? error.message})`, {
          source: 'agent',
        }),
      ),
    );
    socket.on('end', () =>
      finish(new SigningError('ssh-agent closed the connection without answering', { source: 'agent' })),
    );
  });
}
