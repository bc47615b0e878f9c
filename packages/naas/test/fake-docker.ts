import { chmod, copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A directory holding a fake `docker` and the env that puts it first on PATH. */
export interface FakeDocker {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Every invocation so far: its argv and the stdin it read. */
  calls(): Promise<{ argv: string[]; stdin: string }[]>;
  cleanup(): Promise<void>;
}

export async function installFakeDocker(extraEnv: NodeJS.ProcessEnv = {}): Promise<FakeDocker> {
  const dir = await mkdtemp(join(tmpdir(), 'naas-fake-docker-'));
  const bin = join(dir, 'bin');
  await import('node:fs/promises').then((fs) => fs.mkdir(bin));
  await copyFile(new URL('./fixtures/fake-docker.mjs', import.meta.url), join(bin, 'docker'));
  await chmod(join(bin, 'docker'), 0o755);
  const log = join(dir, 'calls.jsonl');
  return {
    dir,
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_DOCKER_LOG: log,
      ...extraEnv,
    },
    async calls() {
      const text = await readFile(log, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
