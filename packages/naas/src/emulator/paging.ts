import type { EmulatorRequest } from '@nimbus-sdk/core/testing';

/** Where the emulator reads `page_size`/`page_number`: the real secret list reads only the body. */
export type PagingSource = 'query' | 'body' | 'body-or-query';

function fromBody(request: EmulatorRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  const parsed = request.json<unknown>();
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/** Reads the paging parameters; absent or invalid → 0 (all). */
export function pagingOf(request: EmulatorRequest, source: PagingSource): { size: number; number: number } {
  const body = source === 'query' ? {} : fromBody(request);
  const pick = (key: string): number => {
    const raw = key in body ? body[key] : source === 'body' ? undefined : request.query.get(key);
    const value = Number(raw ?? 0);
    return Number.isInteger(value) && value > 0 ? value : 0;
  };
  return { size: pick('page_size'), number: pick('page_number') };
}

/** One page; size 0 = everything; page numbers start at 1 (0 is read as the first page). */
export function pageOf<T>(items: readonly T[], paging: { size: number; number: number }): T[] {
  if (paging.size === 0) return [...items];
  const start = (Math.max(paging.number, 1) - 1) * paging.size;
  return items.slice(start, start + paging.size);
}
