import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError } from '../errors/client-errors.js';
import type { LocalS3 } from './local-s3.js';

const run = promisify(execFile);

/** The lab script ships inside this package (`scripts/rgw-lab.sh`), next to `dist/`. */
const LAB_SCRIPT = fileURLToPath(new URL('../../scripts/rgw-lab.sh', import.meta.url));

/** A running local Ceph RGW. */
export interface RgwLab extends LocalS3 {
  /** Where its config, logs and pid files live. */
  readonly stateDir: string;
  /** Stops the mon, OSD and radosgw and removes the state dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link startRgwLab}. */
export interface RgwLabOptions {
  /** State directory; default a new temp dir. */
  stateDir?: string;
  /** S3 port; default a free port. */
  port?: number;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** True when the Ceph packages that {@link startRgwLab} needs are on PATH. */
export async function isRgwInstalled(): Promise<boolean> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const binary of ['radosgw', 'ceph-mon', 'ceph-osd']) {
    const found = await Promise.any(dirs.map((dir) => access(join(dir, binary)))).then(
      () => true,
      () => false,
    );
    if (!found) return false;
  }
  return true;
}

/**
 * Starts a real S3 server (Ceph RGW with a memstore OSD) on 127.0.0.1, about 15–20 s on 2 cores,
 * with one user holding the returned keys. For tests and `nimbus sandbox`.
 *
 * @example
 * const rgw = await startRgwLab();
 * try { ...use rgw.endpoint, rgw.accessKeyId... } finally { await rgw.stop(); }
 */
export async function startRgwLab(options: RgwLabOptions = {}): Promise<RgwLab> {
  if (!(await isRgwInstalled())) {
    throw new ConfigError(
      'Ceph RGW is not installed: run `apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd`',
    );
  }
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'nimbus-rgw-')));
  const port = options.port ?? (await freePort());
  const monPort = await freePort();
  const accessKeyId = options.accessKeyId ?? `NIMBUS${randomBytes(7).toString('hex').toUpperCase()}`;
  const secretAccessKey = options.secretAccessKey ?? randomBytes(20).toString('hex');
  const env = {
    ...process.env,
    RGW_LAB_DIR: stateDir,
    RGW_PORT: String(port),
    MON_PORT: String(monPort),
    RGW_ACCESS_KEY: accessKeyId,
    RGW_SECRET_KEY: secretAccessKey,
  };
  const stop = once(async () => {
    await run('bash', [LAB_SCRIPT, 'down'], { env });
  });
  try {
    await run('bash', [LAB_SCRIPT, 'up'], { env, timeout: 180_000 });
  } catch (error) {
    await stop().catch(() => {});
    throw new ConfigError(`Ceph RGW did not start: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId,
    secretAccessKey,
    stateDir,
    stop,
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

/** A port the kernel just handed out; the tiny race before RGW binds it is acceptable for a lab. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
