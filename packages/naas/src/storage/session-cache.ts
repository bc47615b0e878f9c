import type { CallOptions } from '../context.js';
import { readNaasCredentials, saveStorageCredentials } from '../credentials-file.js';
import type { Storage } from '../resources/storage.js';
import { fromStoredCredentials, type NaasS3Session, toStoredCredentials } from './s3-session.js';

/** Sessions are renewed this long before they expire, so no transfer starts on dying keys. */
export const SESSION_REFRESH_MARGIN_MS = 60_000;

/**
 * Hands out S3 sessions per `<ws>/<storage>`: from memory, else from `~/.naas/credentials` (shared
 * with other Naas tools), else from the credentials endpoint (then saved, merged, 0600), always
 * renewed a minute before expiry. The keys never go to `process.env` (naas-python wrote them there,
 * leaking them to child processes and clobbering the user's own AWS settings).
 */
export class StorageSessions {
  readonly #sessions = new Map<string, Promise<NaasS3Session>>();

  constructor(
    private readonly storage: Storage,
    private readonly credentialsFile: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  #fresh(session: NaasS3Session): boolean {
    return session.expiresAt.getTime() - SESSION_REFRESH_MARGIN_MS > this.now().getTime();
  }

  /** A session valid for at least another minute. */
  async get(workspaceId: string, storageName: string, options: CallOptions = {}): Promise<NaasS3Session> {
    const key = `${workspaceId}/${storageName}`;
    const pending = this.#sessions.get(key);
    if (pending) {
      const session = await pending.catch(() => undefined);
      if (session && this.#fresh(session)) return session;
    }
    const next = this.#load(workspaceId, storageName, options);
    this.#sessions.set(key, next);
    next.catch(() => {
      if (this.#sessions.get(key) === next) this.#sessions.delete(key);
    });
    return next;
  }

  async #load(workspaceId: string, storageName: string, options: CallOptions): Promise<NaasS3Session> {
    const document = await readNaasCredentials(this.credentialsFile);
    const stored = fromStoredCredentials(document?.storage?.[workspaceId]?.[storageName]?.s3);
    if (stored && this.#fresh(stored)) return stored;
    return this.renew(workspaceId, storageName, options);
  }

  /** Asks the credentials endpoint for a new session and saves it (what `storage connect` does). */
  async renew(workspaceId: string, storageName: string, options: CallOptions = {}): Promise<NaasS3Session> {
    const session = await this.storage.credentials(workspaceId, storageName, options);
    await saveStorageCredentials(
      this.credentialsFile,
      workspaceId,
      storageName,
      toStoredCredentials(session),
    );
    this.#sessions.set(`${workspaceId}/${storageName}`, Promise.resolve(session));
    return session;
  }
}
