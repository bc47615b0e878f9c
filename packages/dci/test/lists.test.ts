import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whereToString } from '../src/index.js';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
beforeAll(async () => {
  f = await startFixture({ seed: { jobs: 450 } });
});
afterAll(() => f.emulator.close());

/** A raw admin GET, to see the server's answer to requests the SDK would never send. */
function rawGet(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const authorization = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port: f.emulator.port, path, headers: { authorization } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('lists', () => {
  it('walks every job lazily with limit and offset always sent together, capped at 200', async () => {
    f.requests.length = 0;
    const jobs = await f.remoteci.jobs.list({ pageSize: 500 }).toArray();
    expect(jobs).toHaveLength(450);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(450);
    const pages = f.requests.filter((r) => r.startsWith('GET /api/v1/jobs?'));
    expect(pages).toEqual([
      'GET /api/v1/jobs?limit=200&offset=0',
      'GET /api/v1/jobs?limit=200&offset=200',
      'GET /api/v1/jobs?limit=200&offset=400',
    ]);
  });

  it('stops fetching when the loop breaks', async () => {
    f.requests.length = 0;
    let seen = 0;
    for await (const job of f.remoteci.jobs.list({ pageSize: 50 })) {
      expect(job.status).toBe('success');
      if (++seen === 60) break;
    }
    expect(f.requests).toHaveLength(2);
  });

  it('exposes _meta.count on every page and through count()', async () => {
    for await (const page of f.remoteci.jobs.list({ pageSize: 100 }).byPage()) {
      expect(page.total).toBe(450);
      break;
    }
    expect(await f.remoteci.jobs.count({ where: { name: 'seeded-job-1*' } })).toBe(111);
  });

  it('filters with where: case-insensitive equality, * = contains, arrays contain, empty = null', async () => {
    const exact = await f.remoteci.jobs.list({ where: { name: 'SEEDED-JOB-42' } }).toArray();
    expect(exact.map((j) => j.name)).toEqual(['seeded-job-42']);
    const contains = await f.remoteci.jobs.list({ where: 'name:job-44*' }).toArray();
    expect(contains.map((j) => j.name).sort()).toEqual(
      ['seeded-job-44', ...Array.from({ length: 10 }, (_, i) => `seeded-job-44${i}`)].sort(),
    );
    const components = await f.admin.components.list({ where: { tags: 'nightly' } }).toArray();
    expect(components).toHaveLength(1);
    expect(await f.remoteci.jobs.count({ where: { pipeline_id: null } })).toBe(450);
  });

  it('sorts ascending and descending on any column', async () => {
    const ascending = await f.remoteci.jobs
      .list({ sort: 'name', where: { name: 'seeded-job-1*' } })
      .toArray({ max: 3 });
    expect(ascending.map((j) => j.name)).toEqual(['seeded-job-1', 'seeded-job-10', 'seeded-job-100']);
    const descending = await f.remoteci.jobs.list({ sort: ['-name'] }).toArray({ max: 1 });
    expect(descending[0]?.name).toBe('seeded-job-99');
  });

  it('filters with the query DSL', async () => {
    const hits = await f.remoteci.jobs
      .list({ query: 'and(like(name,seeded-job-9%),not(eq(name,seeded-job-9)))', sort: 'name' })
      .toArray({ max: 2 });
    expect(hits.map((j) => j.name)).toEqual(['seeded-job-90', 'seeded-job-91']);
  });

  it('quotes where values holding commas', () => {
    expect(whereToString({ name: 'a,b', state: 'active' })).toBe('"name:a,b",state:active');
  });

  it('refuses bad list options before any request', async () => {
    const before = f.requests.length;
    expect(() => f.remoteci.jobs.list({ where: { name: 'x' }, query: 'eq(name,x)' })).toThrow(
      /either where or query/,
    );
    expect(() => f.remoteci.jobs.list({ pageSize: 0 })).toThrow(/pageSize must be at least 1/);
    expect(() => f.remoteci.jobs.list({ sort: ['name;drop'] })).toThrow(/sort keys/);
    expect(f.requests.length).toBe(before);
  });

  it('the emulator enforces the server rules the SDK avoids', async () => {
    expect(await rawGet('/api/v1/jobs?limit=5')).toMatchObject({
      status: 400,
      body: { message: 'Request malformed' },
    });
    expect(await rawGet('/api/v1/jobs?offset=5')).toMatchObject({ status: 400 });
    expect(await rawGet('/api/v1/jobs?colour=red')).toMatchObject({
      status: 400,
      body: { status_code: 400, message: 'Request malformed' },
    });
    const badSort = await rawGet('/api/v1/jobs?sort=colour');
    expect(badSort.status).toBe(400);
    expect(badSort.body.payload).toHaveProperty('Valid sort keys');
    const badWhere = await rawGet('/api/v1/jobs?where=api_secret:x');
    expect(badWhere.status).toBe(400);
    expect(badWhere.body.payload).toHaveProperty('Valid where keys');
    const capped = await rawGet('/api/v1/jobs?limit=1000&offset=0');
    expect((capped.body.jobs as unknown[]).length).toBe(200);
    expect(capped.body._meta).toEqual({ count: 450 });
    const byDefault = await rawGet('/api/v1/jobs');
    expect((byDefault.body.jobs as unknown[]).length).toBe(20);
  });
});
