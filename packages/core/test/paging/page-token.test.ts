import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTokenPages, RepeatedCursorError } from '../../src/paging/index.js';
import { getJson, type PagedHttpServer, startPagedHttpServer } from './paged-http-server.js';

interface TokenBody {
  names: string[];
  nextPageToken?: string;
}

let server: PagedHttpServer;

beforeAll(async () => {
  // Pages of three names; the token is an opaque base64 offset, '' on the last page.
  server = await startPagedHttpServer((url) => {
    const token = url.searchParams.get('pageToken');
    if (url.pathname === '/stuck') return { body: { names: ['x'], nextPageToken: 'same' } };
    const offset = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(offset, offset + 3);
    const next = offset + 3 < 7 ? Buffer.from(String(offset + 3)).toString('base64url') : '';
    return { body: { names, nextPageToken: next } };
  });
});
afterAll(() => server.close());

function names(path: string) {
  return pageTokenPages<string>({
    fetch: async (token, signal) => {
      const query = token === undefined ? '' : `?pageToken=${encodeURIComponent(token)}`;
      const { body } = await getJson<TokenBody>(`${server.url}${path}${query}`, signal);
      return { items: body.names, nextToken: body.nextPageToken };
    },
  });
}

describe('pageTokenPages', () => {
  it('follows the token in the body until it is empty', async () => {
    const before = server.requests.length;
    expect(await names('/names').toArray()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(server.requests.slice(before)).toEqual(['/names', '/names?pageToken=Mw', '/names?pageToken=Ng']);
  });

  it('yields each page with the token that resumes after it', async () => {
    const tokens: (string | undefined)[] = [];
    for await (const page of names('/names').byPage()) tokens.push(page.next);
    expect(tokens).toEqual(['Mw', 'Ng', undefined]);
    const rest: string[] = [];
    for await (const page of names('/names').byPage({ startAt: 'Mw' })) rest.push(...page.items);
    expect(rest).toEqual(['d', 'e', 'f', 'g']);
  });

  it('stops with RepeatedCursorError when the service repeats a token', async () => {
    const before = server.requests.length;
    await expect(names('/stuck').toArray()).rejects.toBeInstanceOf(RepeatedCursorError);
    expect(server.requests.length - before).toBe(2);
  });
});
