import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ValidationError } from '../errors/client-errors.js';

/** A part the server acknowledged, as the state file records it. */
export interface FinishedPart {
  readonly partNumber: number;
  /** Unquoted ETag the server returned for the part. */
  readonly etag: string;
  /** Hex MD5 of the part's bytes, computed locally. */
  readonly md5: string;
  readonly size: number;
}

/** What a later run needs to continue a multipart upload instead of starting over. */
export interface ResumeState {
  readonly version: 1;
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly partSize: number;
  readonly fileSize: number;
  readonly fileMtimeMs: number;
  readonly parts: readonly FinishedPart[];
}

/** Reads a state file; `undefined` when it does not exist. A file that is not a state is an error. */
export async function readResumeState(path: string): Promise<ResumeState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let state: Partial<ResumeState>;
  try {
    state = JSON.parse(text) as Partial<ResumeState>;
  } catch {
    throw notAState(path, 'it is not JSON');
  }
  if (
    state.version !== 1 ||
    typeof state.uploadId !== 'string' ||
    typeof state.bucket !== 'string' ||
    typeof state.key !== 'string' ||
    !Number.isInteger(state.partSize) ||
    !Number.isInteger(state.fileSize) ||
    typeof state.fileMtimeMs !== 'number' ||
    !Array.isArray(state.parts)
  ) {
    throw notAState(path, 'fields are missing or of the wrong type');
  }
  return state as ResumeState;
}

/**
 * Written to a temp file then renamed, so a run killed mid-write leaves the previous state, never
 * half a file. (core's writeFileAtomic is not used: it tightens the directory to 0700, which is
 * right for credentials and wrong for the user's upload directory.)
 */
export async function writeResumeState(path: string, state: ResumeState): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function removeResumeState(path: string): Promise<void> {
  return rm(path, { force: true });
}

function notAState(path: string, why: string): ValidationError {
  return new ValidationError(
    `${path} is not an upload resume state file (${why}); delete it or pass another resumeState path`,
    [{ path: 'resumeState', message: why }],
  );
}
