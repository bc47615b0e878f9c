import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { offsetLimitPages } from '../../src/paging/index.js';
import { getJson, type PagedHttpServer, startPagedHttpServer } from './paged-http-server.js';

interface ListBody {
  items: number[];
  _meta?: { count: number };
}

let server: PagedHttpServer;

beforeAll(async () => {
  // DCI-like list: `?limit&offset` over `/<size>` numbers, limit silently capped at 200, and
  // `_meta.count` only when `?count=1`.
  server = await startPagedHttpServer((url) => {
    const size = Number(url.pathname.slice(1));
    const offset = Number(url.searchParams.get('offset'));
    const limit = Math.min(Number(url.searchParams.get('limit')), 200);
    const items = Array.from({ length: Math.max(0, Math.min(limit, size - offset)) }, (_, i) => offset + i);
    return { body: url.searchParams.get('count') ? { items, _meta: { count: size } } : { items } };
  });
});
afterAll(() => server.close());

function requestCounter(): () => number {
  const before = server.requests.length;
  return () => server.requests.length - before;
}

function list(size: number, pageSize: number, withCount: boolean, startOffset?: number) {
  return offsetLimitPages<number>({
    pageSize,
    startOffset,
    fetch: async (offset, limit, signal) => {
      const count = withCount ? '&count=1' : '';
      const { body } = await getJson<ListBody>(
        `${server.url}/${size}?limit=${limit}&offset=${offset}${count}`,
        signal,
      );
      return { items: body.items, total: body._meta?.count };
    },
  });
}

describe('offsetLimitPages', () => {
  it('stops on a short page when no total is reported', async () => {
    const requests = requestCounter();
    const items = await list(250, 100, false).toArray();
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(server.requests.slice(-3)).toEqual([
      '/250?limit=100&offset=0',
      '/250?limit=100&offset=100',
      '/250?limit=100&offset=200',
    ]);
    expect(requests()).toBe(3);
  });

  it('needs one empty page to end a collection whose size is a multiple of the page size, without a total', async () => {
    const requests = requestCounter();
    expect(await list(200, 100, false).toArray()).toHaveLength(200);
    expect(requests()).toBe(3);
  });

  it('stops when the offset reaches the reported total, with no extra request', async () => {
    const requests = requestCounter();
    const pages = [];
    for await (const page of list(200, 100, true).byPage())
      pages.push({ next: page.next, total: page.total });
    expect(pages).toEqual([
      { next: 100, total: 200 },
      { next: undefined, total: 200 },
    ]);
    expect(requests()).toBe(2);
  });

  it('keeps walking when the service caps the limit below pageSize but reports a total', async () => {
    const requests = requestCounter();
    const items = await list(450, 500, true).toArray();
    expect(items).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(server.requests.slice(-3)).toEqual([
      '/450?limit=500&offset=0&count=1',
      '/450?limit=500&offset=200&count=1',
      '/450?limit=500&offset=400&count=1',
    ]);
    expect(requests()).toBe(3);
  });

  it('ends on an empty page even when the total claims more (items deleted mid-walk)', async () => {
    let calls = 0;
    const shrinking = offsetLimitPages<number>({
      pageSize: 10,
      fetch: async (offset) => {
        calls += 1;
        return { items: offset === 0 ? [1, 2, 3] : [], total: 50 };
      },
    });
    expect(await shrinking.toArray()).toEqual([1, 2, 3]);
    expect(calls).toBe(2);
  });

  it('starts at startOffset and resumes from a page continuation', async () => {
    expect(await list(30, 10, true, 25).toArray()).toEqual([25, 26, 27, 28, 29]);
    const firstPages = [];
    for await (const page of list(60, 20, true).byPage()) {
      firstPages.push(page);
      break;
    }
    const resumeAt = firstPages[0]?.next;
    expect(resumeAt).toBe(20);
    const rest = [];
    for await (const page of list(60, 20, true).byPage({ startAt: resumeAt })) rest.push(...page.items);
    expect(rest).toEqual(Array.from({ length: 40 }, (_, i) => 20 + i));
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: 2.5 }, 'pageSize'],
    [{ pageSize: 10, startOffset: -1 }, 'startOffset'],
  ])('rejects %o before any request', (options, field) => {
    const requests = requestCounter();
    let error: unknown;
    try {
      offsetLimitPages<number>({ ...options, fetch: async () => ({ items: [] }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect(requests()).toBe(0);
  });
});
