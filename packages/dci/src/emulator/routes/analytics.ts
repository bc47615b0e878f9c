import type { Router } from '@nimbus-sdk/core/testing';
import { compileAnalyticsQuery } from '../analytics-query.js';
import type { Caller } from '../caller.js';
import { malformed } from '../errors.js';
import type { Row } from '../state.js';
import type { RouteContext } from './resource-routes.js';

function count(name: string, raw: string | null, fallback: number): number {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw malformed([`${name}: '${raw}' is not a valid non-negative integer`]);
  return Number(raw);
}

/**
 * `POST /analytics/jobs?query=…` (`dcictl job-search`): the server forwards the query to its
 * Elasticsearch index of jobs and answers the search result as it comes, `hits.hits[]._source`
 * being job documents with their relations. The emulator runs the query over its own jobs.
 */
export function registerAnalytics(
  router: Router,
  context: RouteContext,
  visible: (caller: Caller, row: Row) => boolean,
  document: (row: Row) => Record<string, unknown>,
): void {
  router.post('/api/v1/analytics/jobs', async (request) => {
    const caller = await context.caller(request);
    const query = request.query.get('query') ?? '';
    const test = query === '' ? () => true : compileAnalyticsQuery(query);
    const limit = count('limit', request.query.get('limit'), 10);
    const offset = count('offset', request.query.get('offset'), 0);
    const sort = request.query.get('sort') || '-created_at';
    const descending = sort.startsWith('-');
    const field = descending ? sort.slice(1) : sort;
    const matched = context.state
      .rows('jobs')
      .filter((row) => visible(caller, row))
      .map(document)
      .filter(test)
      .sort((a, b) => {
        const order = String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
        return descending ? -order : order;
      });
    return {
      status: 200,
      body: {
        timed_out: false,
        hits: {
          total: { value: matched.length, relation: 'eq' },
          hits: matched
            .slice(offset, offset + limit)
            .map((job) => ({ _index: 'jobs', _id: job.id, _source: job })),
        },
      },
    };
  });
}
