/**
 * The endpoint the AWS tools would use for S3: the service-specific `AWS_ENDPOINT_URL_S3` wins
 * over the global `AWS_ENDPOINT_URL`. Empty values count as unset.
 */
export function endpointFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
}
