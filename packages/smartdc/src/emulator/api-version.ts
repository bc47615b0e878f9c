/** The API versions CloudAPI 9.15 serves (lib/app.js), oldest first. */
export const SUPPORTED_API_VERSIONS = ['7.0.0', '7.1.0', '7.2.0', '7.3.0', '8.0.0', '9.0.0'] as const;

type Triple = [number, number, number];

function parse(version: string): Triple {
  const [a = 0, b = 0, c = 0] = version.split('.').map(Number);
  return [a, b, c];
}

function compare(x: Triple, y: Triple): number {
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Expands one comparator (`~7.2`, `^8`, `>=7.1`, `9.x`, `*`) into inclusive/exclusive bounds. */
function comparatorMatches(comparator: string, version: Triple): boolean {
  const match = /^(~|\^|>=|<=|>|<|=)?\s*v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?$/i.exec(comparator);
  if (!match) return false;
  const [, op = '', majorText = '*', minorText, patchText] = match;
  const wild = (part: string | undefined) => part === undefined || part === '*' || part.toLowerCase() === 'x';
  if (wild(majorText)) return op === '' || op === '=' || op === '>=' || op === '<=';
  const major = Number(majorText);
  const minor = wild(minorText) ? undefined : Number(minorText);
  const patch = wild(patchText) ? undefined : Number(patchText);
  const low: Triple = [major, minor ?? 0, patch ?? 0];
  const partial = minor === undefined ? 'major' : patch === undefined ? 'minor' : 'full';
  const cmp = compare(version, low);
  switch (op) {
    case '>=':
      return cmp >= 0;
    case '>':
      return partial === 'major'
        ? version[0] > major
        : partial === 'minor'
          ? compare(version, [major, minor ?? 0, Number.MAX_SAFE_INTEGER]) > 0
          : cmp > 0;
    case '<':
      return cmp < 0;
    case '<=':
      return partial === 'full'
        ? cmp <= 0
        : partial === 'minor'
          ? version[0] < major || (version[0] === major && version[1] <= (minor ?? 0))
          : version[0] <= major;
    case '~':
      return (
        cmp >= 0 &&
        (partial === 'major' ? version[0] === major : version[0] === major && version[1] === low[1])
      );
    case '^':
      return cmp >= 0 && version[0] === major;
    default:
      if (partial === 'major') return version[0] === major;
      if (partial === 'minor') return version[0] === major && version[1] === low[1];
      return cmp === 0;
  }
}

/** True when `version` satisfies the semver range (`||` alternatives of space-separated comparators). */
export function satisfies(version: string, range: string): boolean {
  const target = parse(version);
  return range
    .split('||')
    .map((alternative) => alternative.trim())
    .some((alternative) => {
      if (alternative === '') return true;
      return alternative.split(/\s+/).every((comparator) => comparatorMatches(comparator, target));
    });
}

/**
 * The newest supported version matching the request's range, read as restify 4 does:
 * `accept-version`, then `x-api-version`, else `*`. `undefined` means no match (400 InvalidVersion).
 */
export function negotiateApiVersion(range: string | undefined): string | undefined {
  const wanted = range?.trim() || '*';
  for (let i = SUPPORTED_API_VERSIONS.length - 1; i >= 0; i--) {
    const candidate = SUPPORTED_API_VERSIONS[i];
    if (candidate && satisfies(candidate, wanted)) return candidate;
  }
  return undefined;
}

/** True when the negotiated version is at least `minimum`. */
export function versionAtLeast(version: string, minimum: string): boolean {
  return compare(parse(version), parse(minimum)) >= 0;
}
