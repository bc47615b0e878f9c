/**
 * The command line with every `--sort`/`-s` value that starts with `-` (`--sort -created`)
 * prefixed with a space. oclif takes a value that looks like one of the command's short flags
 * (`-size` looks like `-s`) for a missing value; the space hides it, and `parseSort` trims it off.
 */
export function protectSortValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if ((token === '--sort' || token === '-s') && next?.startsWith('-') && next !== '--') {
      out.push(token, ` ${next}`);
      i++;
    } else if (token.startsWith('--sort=-')) out.push(`--sort= ${token.slice('--sort='.length)}`);
    else if (/^-s=?-/.test(token)) out.push('-s', ` ${token.slice(token[2] === '=' ? 3 : 2)}`);
    else out.push(token);
  }
  return out;
}
