import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '@nimbus-sdk/core';

/** What the workflow builds and checks. */
export interface CiWorkflowInput {
  spaceName: string;
  /** Default `<space>-registry`. */
  registryName?: string;
  /** `docker` builds and pushes an image; anything else only checks the space. Default docker. */
  spaceType?: string;
  /** Default `Dockerfile`. */
  dockerfilePath?: string;
  /** Default `.`. */
  dockerContext?: string;
  /** Default `latest`. */
  imageTag?: string;
  cpu?: string;
  memory?: string;
  port?: number;
}

const SAFE_NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;
const SAFE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** A GitHub Actions expression, `${{ inner }}`. */
const expr = (inner: string) => `\${{ ${inner} }}`;
const ON_PUSH = expr("github.event_name == 'push' || github.event_name == 'workflow_dispatch'");

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (value: string) => JSON.stringify(value);

function checked(input: CiWorkflowInput) {
  const fail = (path: string, message: string): never => {
    throw new ValidationError(`Invalid CI input: ${path} ${message}`, [{ path, message }]);
  };
  if (!SAFE_NAME.test(input.spaceName)) fail('spaceName', 'must be letters/digits groups joined by hyphens');
  const registryName = input.registryName ?? `${input.spaceName}-registry`;
  if (!SAFE_NAME.test(registryName)) fail('registryName', 'must be letters/digits groups joined by hyphens');
  const imageTag = input.imageTag ?? 'latest';
  if (!SAFE_TAG.test(imageTag)) fail('imageTag', 'must be a docker tag ([A-Za-z0-9_.-], up to 128)');
  return {
    spaceName: input.spaceName,
    registryName,
    imageTag,
    docker: (input.spaceType ?? 'docker') === 'docker',
    dockerfilePath: input.dockerfilePath ?? 'Dockerfile',
    dockerContext: input.dockerContext ?? '.',
    cpu: input.cpu ?? '2',
    memory: input.memory ?? '2Gi',
    port: input.port ?? 5080,
  };
}

/**
 * Renders a working GitHub Actions workflow (naas-python's template rendered every step as a shell
 * script that could not run, spec §8): real `uses:` steps, the nimbus CLI installed with Node, the
 * token from a repository secret in `env`, and user-given paths passed through `env` so no value is
 * ever spliced into a shell line.
 */
export function renderGithubWorkflow(input: CiWorkflowInput): string {
  const c = checked(input);
  const name = `ci-${c.spaceName}`;
  const lines = [
    `name: ${name}`,
    '',
    'on:',
    '  push:',
    '    branches: [main]',
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    `  ${name.toLowerCase()}:`,
    '    runs-on: ubuntu-latest',
    '    env:',
    `      NAAS_CREDENTIALS_JWT_TOKEN: ${expr('secrets.NAAS_CREDENTIALS_JWT_TOKEN')}`,
    `      SPACE_NAME: ${q(c.spaceName)}`,
    `      REGISTRY_NAME: ${q(c.registryName)}`,
    `      IMAGE_TAG: ${q(c.imageTag)}`,
    '    steps:',
    '      - name: Checkout code',
    '        uses: actions/checkout@v4',
    '      - name: Set up Node.js',
    '        uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      - name: Install the nimbus CLI',
    '        run: npm install --global @nimbus-sdk/cli',
    '      - name: Check the Naas space',
    '        run: nimbus naas space get --name "$SPACE_NAME"',
    '      - name: Check the Naas registry',
    '        run: nimbus naas registry get --name "$REGISTRY_NAME"',
  ];
  if (c.docker) {
    lines.push(
      '      - name: Log in to the Naas registry',
      `        if: ${ON_PUSH}`,
      '        run: nimbus naas registry docker-login --name "$REGISTRY_NAME"',
      '      - name: Build, push and deploy the image',
      `        if: ${ON_PUSH}`,
      '        env:',
      `          DOCKERFILE: ${q(c.dockerfilePath)}`,
      `          DOCKER_CONTEXT: ${q(c.dockerContext)}`,
      `          SPACE_CPU: ${q(c.cpu)}`,
      `          SPACE_MEMORY: ${q(c.memory)}`,
      `          SPACE_PORT: ${q(String(c.port))}`,
      '        run: |',
      '          uri="$(nimbus naas registry get --name "$REGISTRY_NAME" --json | node -e \'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).uri))\')"',
      '          docker build -t "$uri:$IMAGE_TAG" -f "$DOCKERFILE" "$DOCKER_CONTEXT"',
      '          docker push "$uri:$IMAGE_TAG"',
      '          nimbus naas space update --name "$SPACE_NAME" --image "$uri:$IMAGE_TAG" --cpu "$SPACE_CPU" --memory "$SPACE_MEMORY" --port "$SPACE_PORT"',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `.github/workflows/ci-<space>.yaml` under `directory` (default the current one), creating
 * the folders (naas-python crashed when they were missing).
 *
 * @returns the path written.
 */
export async function writeGithubWorkflow(
  input: CiWorkflowInput,
  directory = process.cwd(),
): Promise<string> {
  const content = renderGithubWorkflow(input);
  const folder = join(directory, '.github', 'workflows');
  await mkdir(folder, { recursive: true });
  const path = join(folder, `ci-${input.spaceName}.yaml`);
  await writeFile(path, content, 'utf8');
  return path;
}
