/** The longest run of leading words of `argv` that is one of `ids` (`dci topic list` → `dci:topic:list`). */
export function commandIdOf(
  argv: readonly string[],
  ids: Readonly<Record<string, unknown>>,
): string | undefined {
  let found: string | undefined;
  const parts: string[] = [];
  for (const token of argv) {
    if (token.startsWith('-')) break;
    parts.push(token);
    const id = parts.join(':');
    if (Object.hasOwn(ids, id)) found = id;
  }
  return found;
}
