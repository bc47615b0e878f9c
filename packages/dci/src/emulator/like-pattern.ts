/**
 * SQL `LIKE` matching (`%` any run, `_` any one character; other wildcards on request) without regular expressions: a greedy
 * scan that, on a mismatch, only moves the last `%` one character on. Time is at most
 * pattern × text, never exponential, whatever the wildcards.
 */
export function likeMatches(
  pattern: string,
  text: string,
  ignoreCase: boolean,
  wildcards: { any: string; one?: string } = { any: '%', one: '_' },
): boolean {
  const { any, one } = wildcards;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && ((one !== undefined && p[pi] === one) || (p[pi] !== any && p[pi] === t[ti]))) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === any) {
      star = pi++;
      resume = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === any) pi++;
  return pi === p.length;
}
