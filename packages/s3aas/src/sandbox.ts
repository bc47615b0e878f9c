/** What `nimbus sandbox` hands the provider (the sandbox's RGW, when one runs). */
export interface S3aasSandboxContext {
  s3?: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
  stateDir: string;
}

/**
 * Starts the emulator for `nimbus sandbox`, with the sandbox's RGW as its data plane, and returns
 * the profile section that points the CLI at it (logged in as the seeded owner).
 */
export async function startS3aasSandbox(context: S3aasSandboxContext) {
  const { startS3aasEmulator } = await import('./emulator/index.js');
  const emulator = await startS3aasEmulator({
    rgw: context.s3
      ? {
          endpoint: context.s3.endpoint,
          accessKeyId: context.s3.accessKeyId,
          secretAccessKey: context.s3.secretAccessKey,
          region: context.s3.region,
        }
      : undefined,
    syncDelayMs: 500,
  });
  const { owner } = emulator.seed;
  const profile: Record<string, string> = {
    url: emulator.url,
    iamUrl: emulator.url,
    username: owner.username,
    password: owner.password,
  };
  if (emulator.dataPlaneEndpoint) profile.dataPlaneEndpoint = emulator.dataPlaneEndpoint;
  return { url: emulator.url, profile, close: () => emulator.close() };
}
