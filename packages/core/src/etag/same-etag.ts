/** Options of {@link sameEtag}. */
export interface SameEtagOptions {
  /**
   * Weak comparison (RFC 9110 §8.8.3.2): `W/"x"` matches `"x"`. Default false: strong comparison,
   * where a weak tag matches nothing, as `If-Match` does.
   */
  weak?: boolean;
}

/**
 * Whether two ETags name the same representation. Comparison only: ETags are still sent verbatim.
 * Surrounding quotes are ignored so a body field (`8d0c…`, as DCI stores it) matches the header
 * (`"8d0c…"`).
 *
 * @example
 * sameEtag('"abc"', 'abc')                       // true
 * sameEtag('W/"abc"', '"abc"')                   // false
 * sameEtag('W/"abc"', '"abc"', { weak: true })   // true
 */
export function sameEtag(
  a: string | undefined,
  b: string | undefined,
  options: SameEtagOptions = {},
): boolean {
  if (!a || !b) return false;
  const left = opaqueTag(a);
  const right = opaqueTag(b);
  if (!options.weak && (left.weak || right.weak)) return false;
  return left.value === right.value;
}

function opaqueTag(tag: string): { weak: boolean; value: string } {
  const weak = tag.startsWith('W/');
  const rest = weak ? tag.slice(2) : tag;
  const quoted = rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"');
  return { weak, value: quoted ? rest.slice(1, -1) : rest };
}
