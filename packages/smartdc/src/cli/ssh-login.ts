import { ValidationError } from '@nimbus-sdk/core';
import type { Image } from '../types.js';

/** A login name ssh cannot mistake for an option: no leading `-`, no `@`, no spaces. */
const LOGIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Who `ssh` logs in as, like `triton ssh`: the `-l` login, else the image's `tags.default_user`
 * (Ubuntu images say `ubuntu`), else root. A login that could read as an ssh option is refused:
 * an image's tags are someone else's data.
 */
export function sshLogin(explicit: string | undefined, image: Pick<Image, 'tags'> | undefined): string {
  const fromImage = image?.tags?.default_user;
  const login = explicit ?? (typeof fromImage === 'string' && fromImage !== '' ? fromImage : 'root');
  if (!LOGIN.test(login)) {
    throw new ValidationError(
      `ssh login "${login}" ${explicit === undefined ? "(the image's default_user) " : ''}is not a plain user name; give one with -l`,
    );
  }
  return login;
}

/** The argv of the system `ssh` (no shell): the destination, then the caller's own arguments verbatim. */
export function sshArgv(login: string, ip: string, rest: readonly string[]): string[] {
  return [`${login}@${ip}`, ...rest];
}
