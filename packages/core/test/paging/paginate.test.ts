import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, isApiError, ValidationError } from '../../src/errors/index.js';
import { type Page, paginate, RepeatedCursorError } from '../../src/paging/index.js';
import { getJson, type PagedHttpServer, startPagedHttpServer } from './paged-http-server.js';

interface Item {
  id: number;
}
interface ItemsBody {
  items: Item[];
  next: number | null;
}

const TOTAL = 100_000;
let server: PagedHttpServer;

beforeAll(async () => {
  server = await startPagedHttpServer((url) => {
    // Cursor-paged collection of TOTAL items: `?after=<id>&size=<n>`.
    const after = Number(url.searchParams.get('after') ?? -1);
    const size = Number(url.searchParams.get('size') ?? 200);
    const items: Item[] = [];
    for (let id = after + 1; id < Math.min(after + 1 + size, TOTAL); id += 1) items.push({ id });
    const last = items.at(-1);
    return { body: { items, next: last && last.id < TOTAL - 1 ? last.id : null } satisfies ItemsBody };
  });
});
afterAll(() => server.close());

/** Requests made from here on, so each test counts only its own. */
function requestCounter(): () => number {
  const before = server.requests.length;
  return () => server.requests.length - before;
}

function itemPages(size: number) {
  return paginate<Item, number>(async (after, signal) => {
    const query = after === undefined ? `size=${size}` : `after=${after}&size=${size}`;
    const { body } = await getJson<ItemsBody>(`${server.url}/items?${query}`, signal);
    return { items: body.items, next: body.next ?? undefined };
  });
}

describe('paginate over HTTP', () => {
  it('fetches nothing until iteration starts', async () => {
    const requests = requestCounter();
    const items = itemPages(100);
    expect(requests()).toBe(0);
    const iterator = items[Symbol.asyncIterator]();
    expect(requests()).toBe(0);
    await iterator.next();
    expect(requests()).toBe(1);
    await iterator.return?.();
  });

  it('stops fetching when the loop breaks', async () => {
    const requests = requestCounter();
    const seen: number[] = [];
    for await (const item of itemPages(100)) {
      seen.push(item.id);
      if (seen.length === 250) break;
    }
    expect(seen.at(-1)).toBe(249);
    // Pages 0-99, 100-199, 200-299: the break inside page three asks for no fourth page.
    expect(requests()).toBe(3);
  });

  it('iterates 100,000 items in pages of 200, in order, one request per page', async () => {
    const requests = requestCounter();
    let count = 0;
    let expected = 0;
    for await (const item of itemPages(200)) {
      if (item.id !== expected) throw new Error(`item ${expected} expected, got ${item.id}`);
      expected += 1;
      count += 1;
    }
    expect(count).toBe(TOTAL);
    expect(requests()).toBe(TOTAL / 200);
  });

  it('resumes a walk from the continuation of a page yielded by byPage', async () => {
    const firstRun: Page<Item, number>[] = [];
    for await (const page of itemPages(50).byPage()) {
      firstRun.push(page);
      if (firstRun.length === 2) break;
    }
    const token = firstRun[1]?.next;
    expect(token).toBe(99);

    const requests = requestCounter();
    const resumed: number[] = [];
    for await (const page of itemPages(50).byPage({ startAt: token })) {
      resumed.push(...page.items.map((item) => item.id));
      if (resumed.length >= 100) break;
    }
    expect(server.requests.at(-2)).toBe('/items?after=99&size=50');
    expect(requests()).toBe(2);
    expect(resumed).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
  });

  it('collects with toArray, stopping at max', async () => {
    const requests = requestCounter();
    const items = await itemPages(200).toArray({ max: 250 });
    expect(items.map((item) => item.id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(requests()).toBe(2);
    expect(await itemPages(200).toArray({ max: 0 })).toEqual([]);
    expect(requests()).toBe(2);
  });

  it.each([-1, 1.5, Number.NaN])('rejects toArray({ max: %s }) before fetching', async (max) => {
    const requests = requestCounter();
    await expect(itemPages(10).toArray({ max })).rejects.toBeInstanceOf(ValidationError);
    expect(requests()).toBe(0);
  });

  it('checks the signal before the first fetch', async () => {
    const requests = requestCounter();
    const controller = new AbortController();
    controller.abort();
    const pages = itemPages(10).byPage({ signal: controller.signal });
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(AbortError);
    expect(requests()).toBe(0);
  });

  it('checks the signal before each following fetch', async () => {
    const requests = requestCounter();
    const controller = new AbortController();
    const pages: number[] = [];
    const walking = (async () => {
      for await (const page of itemPages(10).byPage({ signal: controller.signal })) {
        pages.push(page.items.length);
        if (pages.length === 3) controller.abort();
      }
    })();
    await expect(walking).rejects.toBeInstanceOf(AbortError);
    expect(pages).toEqual([10, 10, 10]);
    expect(requests()).toBe(3);
  });

  it('applies the signal given to paginate to item iteration and toArray', async () => {
    const requests = requestCounter();
    const controller = new AbortController();
    controller.abort();
    const items = paginate<Item, number>(
      async (_cursor, signal) => {
        const { body } = await getJson<ItemsBody>(`${server.url}/items?size=5`, signal);
        return { items: body.items, next: undefined };
      },
      { signal: controller.signal },
    );
    await expect(items.toArray()).rejects.toBeInstanceOf(AbortError);
    expect(requests()).toBe(0);
  });
});

describe('paginate guards', () => {
  it('throws when the service returns the same continuation twice instead of looping', async () => {
    let fetches = 0;
    const stuck = paginate<number, string>(async () => {
      fetches += 1;
      return { items: [fetches], next: 'A' };
    });
    const error = await stuck.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepeatedCursorError);
    expect(isApiError(error)).toBe(true);
    expect((error as RepeatedCursorError).cursor).toBe('A');
    expect(fetches).toBe(2);
  });

  it('throws on a longer cycle of continuations', async () => {
    const cycle: Record<string, string> = { A: 'B', B: 'C', C: 'A' };
    let fetches = 0;
    const looping = paginate<string, string>(async (cursor) => {
      fetches += 1;
      return { items: [cursor ?? 'first'], next: cycle[cursor ?? 'C'] };
    });
    await expect(looping.toArray()).rejects.toBeInstanceOf(RepeatedCursorError);
    expect(fetches).toBe(4);
  });

  it('treats a startAt token coming back as a repeat', async () => {
    const looping = paginate<number, number>(async () => ({ items: [1], next: 7 }));
    const iterator = looping.byPage({ startAt: 7 })[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({ done: false });
    await expect(iterator.next()).rejects.toBeInstanceOf(RepeatedCursorError);
  });

  it('detects a cycle hundreds of pages long', async () => {
    let fetches = 0;
    const looping = paginate<number, number>(async (cursor) => {
      fetches += 1;
      return { items: [fetches], next: ((cursor ?? 0) + 1) % 700 };
    });
    await expect(looping.toArray()).rejects.toBeInstanceOf(RepeatedCursorError);
    expect(fetches).toBe(701);
  });

  it('compares object continuations by value', async () => {
    const looping = paginate<number, { page: number }>(async () => ({ items: [1], next: { page: 2 } }));
    await expect(looping.toArray()).rejects.toBeInstanceOf(RepeatedCursorError);
  });

  it('keeps going through empty pages that still have a continuation', async () => {
    const pages: Record<string, Page<number, string>> = {
      first: { items: [], next: 'b' },
      b: { items: [], next: 'c' },
      c: { items: [1, 2], next: undefined },
    };
    const items = paginate<number, string>(
      async (cursor) => pages[cursor ?? 'first'] as Page<number, string>,
    );
    expect(await items.toArray()).toEqual([1, 2]);
  });

  it('says what is wrong when fetchPage returns something that is not a page', async () => {
    const broken = paginate<number, string>(async () => ({ data: [] }) as unknown as Page<number, string>);
    await expect(broken.toArray()).rejects.toThrow(/fetchPage must resolve to \{ items: \[\], next \}/);
  });
});
