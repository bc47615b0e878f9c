import { Config, run } from '@oclif/core';

/** What one in-process `nimbus` invocation did. */
export interface Invocation {
  argv: readonly string[];
  code: number;
  stdout: string;
  stderr: string;
  /** An error that escaped the command's own error handling (oclif's `handle` would print it). */
  escaped?: unknown;
}

/**
 * Runs `nimbus` commands inside this process against one loaded oclif Config (the built CLI and its
 * bundled plugins), capturing stdout and stderr: a thousand invocations take seconds, not the
 * minutes a thousand Node start-ups would on this machine.
 */
export async function inProcessNimbus(root: string) {
  const config = await Config.load({ root });
  return async function invoke(argv: readonly string[]): Promise<Invocation> {
    const out: string[] = [];
    const err: string[] = [];
    const writeOut = process.stdout.write;
    const writeErr = process.stderr.write;
    process.stdout.write = ((chunk: unknown) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => {
      err.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const exitCode = process.exitCode;
    let code = 0;
    let escaped: unknown;
    try {
      await run([...argv], config);
    } catch (error) {
      const exit = (error as { oclif?: { exit?: unknown } } | null)?.oclif?.exit;
      if (typeof exit === 'number' && (error as Error).name === 'ExitError') code = exit;
      else {
        // What the real bin's error handler does: oclif errors keep their exit code, others exit 1.
        code = typeof exit === 'number' ? exit : 1;
        escaped = error;
      }
    } finally {
      process.stdout.write = writeOut;
      process.stderr.write = writeErr;
      process.exitCode = exitCode;
    }
    return { argv, code, stdout: out.join(''), stderr: err.join(''), escaped };
  };
}
