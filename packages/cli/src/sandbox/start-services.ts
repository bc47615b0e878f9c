import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxContext, SandboxService } from '@nimbus-sdk/core/provider';
import type { InstalledProvider } from '../providers/installed-providers.js';
import type { SandboxServiceState } from './sandbox-state.js';

/** The local S3 server the sandbox may run. */
export interface SandboxS3 {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** Everything a running sandbox started, and how to stop it. */
export interface RunningServices {
  services: SandboxServiceState[];
  /** The `sandbox` profile: one section per provider started. */
  profile: Record<string, Record<string, string>>;
  /** Stops every emulator, then S3; collects failures instead of stopping at the first. */
  close(): Promise<void>;
}

/**
 * Starts S3 (when `startS3` gives one) and then every provider's emulator. If any fails, what
 * already started is stopped before the error propagates, so a failed `up` leaves nothing running.
 */
export async function startServices(
  providers: readonly InstalledProvider[],
  runDir: string,
  startS3: () => Promise<SandboxS3 | undefined>,
): Promise<RunningServices> {
  const started: { name: string; service: SandboxService }[] = [];
  let s3: SandboxS3 | undefined;
  const close = async () => {
    const failures: string[] = [];
    for (const { name, service } of started.reverse()) {
      await service.close().catch((error: Error) => failures.push(`${name}: ${error.message}`));
    }
    await s3?.stop().catch((error: Error) => failures.push(`s3: ${error.message}`));
    if (failures.length > 0)
      throw new Error(`Some sandbox services did not stop cleanly: ${failures.join('; ')}`);
  };
  try {
    s3 = await startS3();
    const context: Omit<SandboxContext, 'stateDir'> = s3
      ? {
          s3: {
            endpoint: s3.endpoint,
            region: s3.region,
            accessKeyId: s3.accessKeyId,
            secretAccessKey: s3.secretAccessKey,
          },
        }
      : {};
    for (const { plugin } of providers) {
      const stateDir = join(runDir, plugin.name);
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      try {
        started.push({ name: plugin.name, service: await plugin.startSandbox({ ...context, stateDir }) });
      } catch (error) {
        throw new Error(`${plugin.name} emulator did not start: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  const services: SandboxServiceState[] = [];
  if (s3) {
    services.push({
      name: 's3',
      title: 'Ceph RGW (local S3)',
      url: s3.endpoint,
      credentials: {
        region: s3.region,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      },
    });
  }
  const profile: Record<string, Record<string, string>> = {};
  for (const { name, service } of started) {
    const provider = providers.find((p) => p.plugin.name === name);
    services.push({
      name,
      title: provider?.plugin.title ?? name,
      url: service.url,
      env: service.env ?? {},
      ...(service.credentials ? { credentials: service.credentials } : {}),
    });
    profile[name] = service.profile;
  }
  return { services, profile, close };
}
