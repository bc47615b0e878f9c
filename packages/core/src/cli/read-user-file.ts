import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors/client-errors.js';

const PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

/**
 * Reads a file the user named on the command line (`key add ~/.ssh/id.pub`, `--script boot.sh`) as
 * UTF-8. A missing or unreadable file is a {@link ValidationError} (exit 2) naming `what` and the
 * path, instead of a raw `ENOENT`; call it before any request so bad input changes nothing.
 *
 * @example const script = await readUserFile(this.flags.script, '--script');
 */
export async function readUserFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = PROBLEMS[code] ?? (error as Error).message;
    throw new ValidationError(
      `cannot read ${what} "${path}": ${problem}`,
      [{ path: what, message: problem }],
      {
        cause: error,
      },
    );
  }
}
