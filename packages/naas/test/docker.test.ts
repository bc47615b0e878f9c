import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSpace, DockerCommandError, dockerLogin, runDocker } from '../src/index.js';
import { type FakeDocker, installFakeDocker } from './fake-docker.js';
import { rejection, useNaasEmulator } from './fixture.js';

describe('docker runs as a child process with an argv array and the password on stdin', () => {
  const naas = useNaasEmulator();
  let docker: FakeDocker;
  beforeEach(async () => {
    docker = await installFakeDocker();
  });
  afterEach(() => docker.cleanup());

  it('registry docker login: exact argv, password only on stdin, a quote and $() change nothing', async () => {
    const client = naas.client();
    await client.registries.create('web-registry');
    const record = naas.emulator.state.user(naas.emulator.seed.userId).registries.get('web-registry');
    const marker = join(docker.dir, 'pwned');
    const evil = `p'a"ss; touch ${marker}; $(touch ${marker}) \`touch ${marker}\``;
    if (record) record.password = evil;
    const uri = await dockerLogin(client.registries, 'web-registry', { env: docker.env });
    expect(uri).toBe('registry.naas.local/web-registry');
    expect(await docker.calls()).toEqual([
      { argv: ['login', '--username', 'AWS', '--password-stdin', 'registry.naas.local'], stdin: evil },
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it('a failing docker is reported with its exit code and never its stdin', async () => {
    const failing = await installFakeDocker({ FAKE_DOCKER_FAIL_ON: 'login', FAKE_DOCKER_FAIL_CODE: '7' });
    try {
      const error = await rejection(
        runDocker(['login', '--password-stdin', 'h'], { env: failing.env, stdin: 'top-secret' }),
      );
      expect(error).toBeInstanceOf(DockerCommandError);
      expect(error.exitCode).toBe(7);
      expect(error.message).toContain('exit code 7');
      expect(error.message).not.toContain('top-secret');
    } finally {
      await failing.cleanup();
    }
  });

  it('a missing docker binary is a clear error', async () => {
    const error = await rejection(runDocker(['version'], { command: join(docker.dir, 'nope') }));
    expect(error.message).toContain('could not run');
  });

  it('space add: registry, login, build, push, space and CI file in order; a rerun reuses them', async () => {
    const client = naas.client();
    const events: string[] = [];
    const input = {
      spaceName: 'shop-app',
      dockerfilePath: "docker files/Dockerfile'prod",
      dockerContext: 'ctx dir',
      imageTag: 'v1',
      ciDirectory: docker.dir,
      cpu: '1',
      memory: '1Gi',
    };
    const result = await addSpace(client, input, {
      docker: { env: docker.env },
      onStep: (event) => events.push(`${event.step}${'reused' in event && event.reused ? ' (reused)' : ''}`),
    });
    expect(events).toEqual(['registry', 'docker-login', 'docker-build', 'docker-push', 'space', 'ci']);
    expect(result.image).toBe('registry.naas.local/shop-app-registry:v1');
    expect(result.space.containers?.[0]).toMatchObject({
      image: result.image,
      cpu: '1',
      memory: '1Gi',
      port: 5080,
    });
    expect(result.ciPath).toBe(join(docker.dir, '.github', 'workflows', 'ci-shop-app.yaml'));
    const argvs = (await docker.calls()).map((call) => call.argv);
    expect(argvs.slice(1)).toEqual([
      [
        'build',
        '-t',
        'registry.naas.local/shop-app-registry:v1',
        '-f',
        "docker files/Dockerfile'prod",
        'ctx dir',
      ],
      ['push', 'registry.naas.local/shop-app-registry:v1'],
    ]);
    events.length = 0;
    await addSpace(client, input, {
      docker: { env: docker.env },
      onStep: (event) => events.push(`${event.step}${'reused' in event && event.reused ? ' (reused)' : ''}`),
    });
    expect(events).toEqual([
      'registry (reused)',
      'docker-login',
      'docker-build',
      'docker-push',
      'space (reused)',
      'ci',
    ]);
  });

  it('space add stops at a failed push, creating no space, and refuses impossible input up front', async () => {
    const failing = await installFakeDocker({ FAKE_DOCKER_FAIL_ON: 'push', FAKE_DOCKER_FAIL_CODE: '2' });
    try {
      const client = naas.client();
      const error = await rejection(
        addSpace(client, { spaceName: 'fail-app', generateCi: false }, { docker: { env: failing.env } }),
      );
      expect(error.message).toContain('docker push failed with exit code 2');
      expect(naas.emulator.state.user(naas.emulator.seed.userId).spaces.size).toBe(0);
      const skip = await rejection(addSpace(client, { spaceName: 'x-app', skipRegistry: true }));
      expect(skip.code).toBe('VALIDATION');
      const badName = await rejection(addSpace(client, { spaceName: 'noHyphen' }));
      expect(badName.code).toBe('VALIDATION');
      expect(naas.emulator.state.user(naas.emulator.seed.userId).registries.has('fail-app-registry')).toBe(
        true,
      );
      expect(naas.emulator.state.user(naas.emulator.seed.userId).registries.size).toBe(1);
    } finally {
      await failing.cleanup();
    }
  });
});
