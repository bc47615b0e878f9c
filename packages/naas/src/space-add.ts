import { isApiError, ValidationError } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { writeGithubWorkflow } from './ci/github-workflow.js';
import type { CallOptions } from './context.js';
import { type DockerOptions, runDocker } from './docker/docker-cli.js';
import { dockerLogin } from './docker/registry-login.js';
import { spaceNameSchema } from './request-schemas.js';
import type { Registries, Registry } from './resources/registries.js';
import type { Space } from './resources/space-types.js';
import type { Spaces } from './resources/spaces.js';

/** Input of {@link addSpace} (naas-python's `space add`). */
export interface SpaceAddInput {
  spaceName: string;
  /** `docker` (default) builds and pushes the image; another type deploys `image` as is. */
  spaceType?: string;
  dockerfilePath?: string;
  dockerContext?: string;
  imageTag?: string;
  containerPort?: number;
  /** Write `.github/workflows/ci-<space>.yaml` (default true; naas-python could not turn it off). */
  generateCi?: boolean;
  /** Where the CI file goes; default the current directory. */
  ciDirectory?: string;
  skipRegistry?: boolean;
  registryName?: string;
  /** Only `github-actions` exists. */
  ciType?: string;
  /** Custom domain; default `""`, the server's choice (naas-python forced `<space>.naas.ai`). */
  domain?: string;
  /** Deploy this image instead of the one built. */
  image?: string;
  cpu?: string;
  memory?: string;
}

/** Progress of {@link addSpace}, one event per step. */
export type SpaceAddStep =
  | { step: 'registry'; registry: Registry; reused: boolean }
  | { step: 'docker-login'; uri: string }
  | { step: 'docker-build' | 'docker-push'; image: string }
  | { step: 'space'; space: Space; reused: boolean }
  | { step: 'ci'; path: string };

/** What {@link addSpace} did. */
export interface SpaceAddResult {
  registry: Registry | undefined;
  image: string;
  space: Space;
  ciPath: string | undefined;
}

/**
 * Creates (or reuses) a registry, builds and pushes the image with docker, creates (or reuses) the
 * space and writes the CI workflow. Inputs that cannot work are refused before any step runs
 * (naas-python crashed half way with `--skip-registry`); a failing docker step stops the run, and
 * what was already created stays and is reused by a second run.
 */
export async function addSpace(
  services: { spaces: Spaces; registries: Registries },
  input: SpaceAddInput,
  options: CallOptions & { docker?: DockerOptions; onStep?: (event: SpaceAddStep) => void } = {},
): Promise<SpaceAddResult> {
  const spaceType = input.spaceType ?? 'docker';
  const fail = (path: string, message: string): never => {
    throw new ValidationError(`Invalid space add: ${path} ${message}`, [{ path, message }]);
  };
  parseInput(spaceNameSchema, input.spaceName, 'space name');
  if ((input.ciType ?? 'github-actions') !== 'github-actions') fail('ciType', 'must be github-actions');
  if (input.skipRegistry && spaceType === 'docker')
    fail('skipRegistry', 'needs a space type other than docker');
  if (input.skipRegistry && !input.image) fail('image', 'is required with skipRegistry');
  if (spaceType !== 'docker' && !input.image)
    fail('image', `is required when the space type is ${spaceType}`);
  const imageTag = input.imageTag ?? 'latest';
  const registryName = input.registryName ?? `${input.spaceName}-registry`;
  const cpu = input.cpu ?? '2';
  const memory = input.memory ?? '2Gi';
  const port = input.containerPort ?? 5080;
  const emit = options.onStep ?? (() => {});

  let registry: Registry | undefined;
  if (!input.skipRegistry) {
    try {
      registry = await services.registries.create(registryName, options);
      emit({ step: 'registry', registry, reused: false });
    } catch (error) {
      if (!(isApiError(error) && error.code === 'CONFLICT')) throw error;
      registry = await services.registries.get(registryName, options);
      emit({ step: 'registry', registry, reused: true });
    }
  }
  let image = input.image ?? '';
  if (spaceType === 'docker' && registry) {
    const docker = { ...options.docker, signal: options.signal };
    const uri = await dockerLogin(services.registries, registry.name, docker, options);
    emit({ step: 'docker-login', uri });
    const built = `${uri}:${imageTag}`;
    await runDocker(
      ['build', '-t', built, '-f', input.dockerfilePath ?? 'Dockerfile', input.dockerContext ?? '.'],
      docker,
    );
    emit({ step: 'docker-build', image: built });
    await runDocker(['push', built], docker);
    emit({ step: 'docker-push', image: built });
    image = input.image ?? built;
  }
  let space: Space;
  try {
    space = await services.spaces.create(
      {
        name: input.spaceName,
        domain: input.domain ?? '',
        containers: [{ name: input.spaceName, image, env: {}, cpu, memory, port }],
      },
      options,
    );
    emit({ step: 'space', space, reused: false });
  } catch (error) {
    if (!(isApiError(error) && error.code === 'CONFLICT')) throw error;
    space = await services.spaces.get(input.spaceName, options);
    emit({ step: 'space', space, reused: true });
  }
  let ciPath: string | undefined;
  if (input.generateCi !== false) {
    ciPath = await writeGithubWorkflow(
      {
        spaceName: input.spaceName,
        registryName,
        spaceType,
        dockerfilePath: input.dockerfilePath,
        dockerContext: input.dockerContext,
        imageTag,
        cpu,
        memory,
        port,
      },
      input.ciDirectory,
    );
    emit({ step: 'ci', path: ciPath });
  }
  return { registry, image, space, ciPath };
}
