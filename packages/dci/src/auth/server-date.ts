/**
 * Reads the `Date` header of `GET <api>/` (DCI's unauthenticated health route): the server time
 * the signing clock is aligned to after `signature is expired`.
 */
export function serverDateReader(
  apiBase: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): () => Promise<Date | undefined> {
  return async () => {
    const response = await fetchImpl(`${apiBase}/`);
    await response.body?.cancel();
    const header = response.headers.get('date');
    const date = header ? new Date(header) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  };
}
