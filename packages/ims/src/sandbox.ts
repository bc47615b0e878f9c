import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '@nimbus-sdk/core/s3';
import { startImsEmulator } from './emulator/index.js';

/** What `nimbus sandbox` hands a provider (the local RGW when one runs). */
export interface ImsSandboxContext {
  s3?: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
}

/** The buckets a Cray system has: boot images and recipes. */
export const SANDBOX_BUCKETS = ['boot-images', 'ims'] as const;

/**
 * Starts the IMS emulator for `nimbus sandbox`: on the sandbox's RGW with the `boot-images` and
 * `ims` buckets created, so `nimbus ims image upload-artifacts` works against it as against a
 * Cray system. Answers the profile section that points the CLI at it.
 */
export async function startImsSandbox(context: ImsSandboxContext) {
  if (context.s3) {
    const client = createS3Client({
      endpoint: context.s3.endpoint,
      region: context.s3.region,
      credentials: context.s3,
    });
    for (const bucket of SANDBOX_BUCKETS) {
      await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
        if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
      });
    }
  }
  const emulator = await startImsEmulator(context.s3 ? { s3: context.s3 } : {});
  const profile: Record<string, string> = {
    url: emulator.imsUrl,
    oauthEndpoint: emulator.tokenUrl,
    clientId: emulator.seed.clientId,
    clientSecret: emulator.seed.clientSecret,
    ...(context.s3
      ? {
          s3Endpoint: context.s3.endpoint,
          s3AccessKey: context.s3.accessKeyId,
          s3SecretKey: context.s3.secretAccessKey,
          s3Bucket: 'boot-images',
        }
      : {}),
  };
  return { url: emulator.url, profile, close: () => emulator.close() };
}
