/** True when the command line asks for JSON output (`--json`, `-j`, `--format json`), before `--`. */
export function wantsJson(argv: readonly string[]): boolean {
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index];
    if (token === '--') return false;
    if (token === '--json' || token === '-j' || token === '--format=json') return true;
    if (token === '--format' && argv[index + 1] === 'json') return true;
  }
  return false;
}
