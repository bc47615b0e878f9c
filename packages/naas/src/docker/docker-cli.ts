import { spawn } from 'node:child_process';

/** How docker is run. */
export interface DockerOptions {
  /** The docker executable; default `docker` (found on PATH). */
  command?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Receives docker's output lines (progress); default: discarded. */
  onOutput?: (line: string) => void;
  signal?: AbortSignal;
}

/** docker exited with a non-zero code (or could not start). The message never holds stdin. */
export class DockerCommandError extends Error {
  readonly exitCode: number | null;
  readonly step: string;
  constructor(step: string, exitCode: number | null, detail: string) {
    super(
      exitCode === null
        ? `docker ${step} could not run: ${detail}`
        : `docker ${step} failed with exit code ${exitCode}${detail ? `: ${detail}` : ''}`,
    );
    this.name = 'DockerCommandError';
    this.exitCode = exitCode;
    this.step = step;
  }
}

/**
 * Runs `docker <args>` as a child process with an argument array, never through a shell (naas-python
 * interpolated passwords and paths into `os.system` strings). `stdin` is written and closed, which
 * is how the registry password reaches `docker login --password-stdin`.
 */
export function runDocker(
  args: readonly string[],
  options: DockerOptions & { stdin?: string } = {},
): Promise<void> {
  const step = args[0] ?? '';
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'docker', [...args], {
      shell: false,
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let tail = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-2000);
      for (const line of text.split('\n')) if (line.trim()) options.onOutput?.(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new DockerCommandError(step, null, error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new DockerCommandError(step, code, tail.trim().split('\n').slice(-3).join(' | ')));
    });
    child.stdin.on('error', () => {
      // docker may exit before reading stdin; its exit code reports the failure.
    });
    child.stdin.end(options.stdin ?? '');
  });
}
