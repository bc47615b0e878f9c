import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { linkHeaderPages, RepeatedCursorError } from '../../src/paging/index.js';
import { getJson, type PagedHttpServer, startPagedHttpServer } from './paged-http-server.js';

let server: PagedHttpServer;

beforeAll(async () => {
  server = await startPagedHttpServer((url) => {
    const page = Number(url.searchParams.get('page') ?? 1);
    if (url.pathname === '/api/v2/loop') {
      return { headers: { link: '<loop?page=2>; rel="next"' }, body: [page] };
    }
    const links = [`</api/v2/repos?page=4>; rel="last"`, `<repos?page=1>; rel="first"`];
    // Relative to the request URL (`/api/v2/repos`), with several rels on one link and a quoted
    // title that holds the separators a naive split would cut at.
    if (page < 4) links.unshift(`<repos?page=${page + 1}>; title="page, next; really"; rel="Next  prefetch"`);
    return { headers: { link: links.join(', ') }, body: [page * 10, page * 10 + 1] };
  });
});
afterAll(() => server.close());

function repos(path: string) {
  return linkHeaderPages<number>({
    url: `${server.url}${path}`,
    fetch: async (url, signal) => {
      const { body, headers } = await getJson<number[]>(url, signal);
      return { items: body, link: headers.get('link') };
    },
  });
}

describe('linkHeaderPages', () => {
  it('follows rel="next" links resolved against the request URL until there is none', async () => {
    const before = server.requests.length;
    expect(await repos('/api/v2/repos').toArray()).toEqual([10, 11, 20, 21, 30, 31, 40, 41]);
    expect(server.requests.slice(before)).toEqual([
      '/api/v2/repos',
      '/api/v2/repos?page=2',
      '/api/v2/repos?page=3',
      '/api/v2/repos?page=4',
    ]);
  });

  it('gives each page the absolute URL of the next one as its continuation', async () => {
    const next: (string | undefined)[] = [];
    for await (const page of repos('/api/v2/repos?page=3').byPage()) next.push(page.next);
    expect(next).toEqual([`${server.url}/api/v2/repos?page=4`, undefined]);
  });

  it('stops with RepeatedCursorError when the next link points back at a visited page', async () => {
    await expect(repos('/api/v2/loop').toArray()).rejects.toBeInstanceOf(RepeatedCursorError);
  });

  it('rejects a relative first URL before any request', () => {
    expect(() => linkHeaderPages({ url: '/repos', fetch: async () => ({ items: [] }) })).toThrow(
      ValidationError,
    );
  });
});
