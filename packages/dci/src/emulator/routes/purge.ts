import type { Router } from '@nimbus-sdk/core/testing';
import { notAuthorized } from '../errors.js';
import type { TableName } from '../state.js';
import type { RouteContext } from './resource-routes.js';

const PURGEABLE: readonly TableName[] = [
  'components',
  'topics',
  'teams',
  'feeders',
  'remotecis',
  'jobs',
  'files',
  'users',
  'products',
];

/**
 * `GET /<resource>/purge` lists archived rows and `POST` deletes them for good (super admin only).
 * Registered before the resources, so `purge` is not taken for an id.
 */
export function registerPurge(router: Router, context: RouteContext): void {
  const { state } = context;
  for (const table of PURGEABLE) {
    const archived = () => [...state.tables[table].values()].filter((row) => row.state === 'archived');
    router.get(`/api/v1/${table}/purge`, async (request) => {
      const caller = await context.caller(request);
      if (!caller.superAdmin) throw notAuthorized();
      const rows = archived().map(({ api_secret: _secret, ...row }) => row);
      return { status: 200, body: { [table]: rows, _meta: { count: rows.length } } };
    });
    router.post(`/api/v1/${table}/purge`, async (request) => {
      const caller = await context.caller(request);
      if (!caller.superAdmin) throw notAuthorized();
      for (const row of archived()) {
        state.tables[table].delete(row.id);
        state.contents.delete(row.id);
        state.junit.delete(row.id);
      }
      return { status: 204 };
    });
  }
}
