import { ValidationError } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { SshKey } from '../types.js';

const OPENSSH_LINE = /^(ssh-rsa|ssh-dss|ecdsa-sha2-nistp\d+|ssh-ed25519)\s+[A-Za-z0-9+/=]+(\s.*)?$/;

/** The account's SSH keys (addressed by name or MD5 fingerprint). */
export class KeysResource {
  constructor(private readonly context: SmartdcContext) {}

  async list(options: CallOptions = {}): Promise<SshKey[]> {
    return (
      await this.context.transport.send<SshKey[]>({
        method: 'GET',
        path: accountPath(this.context, 'keys'),
        ...options,
      })
    ).data;
  }
  async get(nameOrFingerprint: string, options: CallOptions = {}): Promise<SshKey> {
    return (
      await this.context.transport.send<SshKey>({
        method: 'GET',
        path: accountPath(this.context, 'keys', { nameOrFingerprint }),
        ...options,
      })
    ).data;
  }
  /**
   * Uploads an OpenSSH public key line; `name` defaults to its fingerprint server-side.
   * @example await triton.keys.add(readFileSync('~/.ssh/id_rsa.pub', 'utf8'), { name: 'laptop' })
   */
  async add(publicKey: string, options: CallOptions & { name?: string } = {}): Promise<SshKey> {
    const key = publicKey.trim();
    if (!OPENSSH_LINE.test(key)) {
      throw new ValidationError(
        'keys.add: publicKey must be an OpenSSH public key line ("ssh-rsa AAAA... comment")',
        [{ path: 'publicKey', message: 'not an OpenSSH public key line' }],
      );
    }
    const { name, signal } = options;
    return (
      await this.context.transport.send<SshKey>({
        method: 'POST',
        path: accountPath(this.context, 'keys'),
        body: { json: name === undefined ? { key } : { key, name } },
        signal,
      })
    ).data;
  }
  async delete(nameOrFingerprint: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: accountPath(this.context, 'keys', { nameOrFingerprint }),
      responseType: 'none',
      ...options,
    });
  }
}
