import { describe, expect, it } from 'vitest';
import { findLink, parseLinkHeader } from '../../src/paging/index.js';

describe('parseLinkHeader', () => {
  it('parses several links with their relation types', () => {
    const links = parseLinkHeader(
      '<https://api.example.com/items?page=2>; rel="next", <https://api.example.com/items?page=5>; rel="last"',
    );
    expect(links).toEqual([
      {
        url: 'https://api.example.com/items?page=2',
        target: 'https://api.example.com/items?page=2',
        rel: ['next'],
        params: {},
      },
      {
        url: 'https://api.example.com/items?page=5',
        target: 'https://api.example.com/items?page=5',
        rel: ['last'],
        params: {},
      },
    ]);
  });

  it('returns nothing for an absent or empty header', () => {
    expect(parseLinkHeader(undefined)).toEqual([]);
    expect(parseLinkHeader(null)).toEqual([]);
    expect(parseLinkHeader('')).toEqual([]);
    expect(parseLinkHeader('  ,  ')).toEqual([]);
  });

  it('splits a rel holding several space-separated types and lower-cases them', () => {
    const [link] = parseLinkHeader('</p/2>; rel="Next   PREFETCH"', 'https://h/p/1');
    expect(link?.rel).toEqual(['next', 'prefetch']);
    expect(findLink(parseLinkHeader('</p/2>; rel="Next   PREFETCH"'), 'NEXT')?.target).toBe('/p/2');
  });

  it('accepts an unquoted rel token and unquoted parameters', () => {
    const [link] = parseLinkHeader('<https://h/x>;rel=next;type=text/html');
    expect(link?.rel).toEqual(['next']);
    expect(link?.params).toEqual({ type: 'text/html' });
  });

  it('keeps commas and semicolons inside quoted values, and unescapes quoted pairs', () => {
    const links = parseLinkHeader(
      '<https://h/a>; title="one, two; three"; rel=next, <https://h/b>; title="say \\"hi\\" \\\\ bye"; rel=prev',
    );
    expect(links.map((link) => [link.target, link.rel, link.params.title])).toEqual([
      ['https://h/a', ['next'], 'one, two; three'],
      ['https://h/b', ['prev'], 'say "hi" \\ bye'],
    ]);
  });

  it('keeps commas inside the target URI', () => {
    const [link, other] = parseLinkHeader('<https://h/items?ids=1,2,3>; rel="next", <https://h/q>; rel=last');
    expect(link?.url).toBe('https://h/items?ids=1,2,3');
    expect(other?.rel).toEqual(['last']);
  });

  it('resolves relative targets against the request URL', () => {
    const base = 'https://api.example.com/v1/jobs?page=1';
    const links = parseLinkHeader(
      '<?page=2>; rel=next, <../v2/jobs>; rel=alternate, </root>; rel=up, <//cdn.example.com/x>; rel=icon',
      base,
    );
    expect(links.map((link) => link.url)).toEqual([
      'https://api.example.com/v1/jobs?page=2',
      'https://api.example.com/v2/jobs',
      'https://api.example.com/root',
      'https://cdn.example.com/x',
    ]);
    expect(links[0]?.target).toBe('?page=2');
  });

  it('leaves a relative target as written when there is no base URL', () => {
    expect(parseLinkHeader('</jobs?page=2>; rel=next')[0]?.url).toBe('/jobs?page=2');
  });

  it('uses the first rel and ignores later ones (RFC 8288 §3.3)', () => {
    expect(parseLinkHeader('<https://h/>; rel=next; rel=prev')[0]?.rel).toEqual(['next']);
  });

  it('treats parameter names case-insensitively and keeps the first occurrence', () => {
    const [link] = parseLinkHeader('<https://h/>; REL=next; Title="a"; title="b"; hreflang=en');
    expect(link?.rel).toEqual(['next']);
    expect(link?.params).toEqual({ title: 'a', hreflang: 'en' });
  });

  it('decodes RFC 8187 extended values and prefers them over the plain parameter', () => {
    const [link, latin] = parseLinkHeader(
      "<https://h/>; rel=next; title=\"plain\"; title*=UTF-8'de'n%c3%a4chstes%20Kapitel, <https://h/l>; title*=iso-8859-1''caf%e9",
    );
    expect(link?.params.title).toBe('nächstes Kapitel');
    expect(latin?.params.title).toBe('café');
  });

  it('keeps a valueless parameter and the anchor parameter', () => {
    const [link] = parseLinkHeader('<https://h/>; rel=next; crossorigin; anchor="#frag"');
    expect(link?.params).toEqual({ crossorigin: '', anchor: '#frag' });
  });

  it('skips malformed links and keeps the well-formed ones', () => {
    const links = parseLinkHeader(
      'garbage; rel=next, "quoted, thing", <https://h/ok>; rel=next, <https://h/unterminated',
    );
    expect(links.map((link) => link.url)).toEqual(['https://h/ok']);
  });

  it('tolerates whitespace everywhere it may appear', () => {
    const links = parseLinkHeader('  < https://h/a >  ;  rel = "next"  ,\t<https://h/b>;rel=last  ');
    expect(links.map((link) => [link.url, link.rel])).toEqual([
      ['https://h/a', ['next']],
      ['https://h/b', ['last']],
    ]);
  });

  it('has an empty rel list when a link names no relation', () => {
    expect(parseLinkHeader('<https://h/>; type="text/html"')[0]?.rel).toEqual([]);
  });
});
