import type { CallOptions } from '../context.js';
import type { Registries } from '../resources/registries.js';
import { type DockerOptions, runDocker } from './docker-cli.js';

/** The registry host docker logs in to: the URI up to its first `/`. */
export function registryHost(uri: string): string {
  return uri.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? uri;
}

/**
 * Logs docker in to a Naas registry: reads the registry (for its URI) and its credentials, then runs
 * `docker login --username <u> --password-stdin <host>` with the password on stdin.
 *
 * @returns the registry URI to tag images with.
 */
export async function dockerLogin(
  registries: Registries,
  name: string,
  docker: DockerOptions = {},
  options: CallOptions = {},
): Promise<string> {
  const registry = await registries.get(name, options);
  const { credentials } = await registries.credentials(name, options);
  await runDocker(
    ['login', '--username', credentials.username, '--password-stdin', registryHost(registry.uri)],
    {
      ...docker,
      stdin: credentials.password,
    },
  );
  return registry.uri;
}
