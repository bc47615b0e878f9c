import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@nimbus-sdk/core';
import { homeDirectory, writeFileAtomic } from '@nimbus-sdk/core/provider';

/** The `s3` leaf other Naas tools read from `storage[<ws>][<storage>].s3` (spec §2.2). */
export interface StoredS3Credentials {
  REGION_NAME: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN: string;
  /** `YYYY-MM-DD HH:MM:SS+00:00`, the form naas-python parses. */
  AWS_SESSION_EXPIRATION_TOKEN: string;
  /** Ours (naas-python does not persist it): the bucket and prefix from `endpoint_url`. */
  ENDPOINT_URL?: string;
}

/** `~/.naas/credentials`: the JWT and per-storage S3 session credentials. Unknown keys are kept. */
export interface NaasCredentialsDocument {
  jwt_token?: string;
  /**
   * Ours: SHA-256 of the JupyterHub token `jwt_token` was traded from, so the trade happens once per
   * JupyterHub token instead of on every run (naas-python re-trades and rewrites the file each time).
   */
  jupyterhub_token_sha256?: string;
  storage?: Record<string, Record<string, { s3?: StoredS3Credentials; [key: string]: unknown }>>;
  [key: string]: unknown;
}

/** `~/.naas/credentials`, where naas-python and the other Naas tools look. */
export function defaultCredentialsPath(home: string = homeDirectory()): string {
  return join(home, '.naas', 'credentials');
}

/** Reads the credentials file; `undefined` when it does not exist. Bad JSON is a ConfigError. */
export async function readNaasCredentials(path: string): Promise<NaasCredentialsDocument | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Cannot read the Naas credentials file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(
      `The Naas credentials file ${path} is not valid JSON; fix it or delete it and log in again (nimbus naas login)`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`The Naas credentials file ${path} must hold a JSON object`);
  }
  return parsed as NaasCredentialsDocument;
}

/** Writers queued per path, so two saves in one process never lose each other's change. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Reads, changes and rewrites the credentials file as one step: directory 0700, file 0600, written to
 * a temp file and renamed (readers never see half a file), and merged, so saving one storage's
 * credentials keeps the JWT and every other storage (naas-python replaced a workspace's storages).
 */
export function updateNaasCredentials(
  path: string,
  change: (document: NaasCredentialsDocument) => void,
): Promise<NaasCredentialsDocument> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const document = (await readNaasCredentials(path)) ?? {};
      change(document);
      await writeFileAtomic(path, JSON.stringify(document), 0o600);
      return document;
    });
  queues.set(path, next);
  const forget = () => {
    if (queues.get(path) === next) queues.delete(path);
  };
  // The caller handles `next`'s failure; this branch only tidies the queue.
  next.then(forget, forget);
  return next;
}

/** Saves the JWT, keeping everything else in the file. */
export function saveJwtToken(path: string, token: string, jupyterhubTokenSha256?: string): Promise<unknown> {
  return updateNaasCredentials(path, (document) => {
    document.jwt_token = token;
    if (jupyterhubTokenSha256) document.jupyterhub_token_sha256 = jupyterhubTokenSha256;
    else delete document.jupyterhub_token_sha256;
  });
}

/** Saves one storage's S3 credentials under `storage[ws][storage].s3`, keeping all other entries. */
export function saveStorageCredentials(
  path: string,
  workspaceId: string,
  storageName: string,
  s3: StoredS3Credentials,
): Promise<unknown> {
  return updateNaasCredentials(path, (document) => {
    const storage = document.storage ?? {};
    const workspace = storage[workspaceId] ?? {};
    workspace[storageName] = { ...workspace[storageName], s3 };
    storage[workspaceId] = workspace;
    document.storage = storage;
  });
}
