import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { seesAll } from '../caller.js';
import { dciError, notFound } from '../errors.js';
import type { Row } from '../state.js';
import { componentVisible } from './components.js';
import type { RouteContext } from './resource-routes.js';

/** How long a presigned URL stays valid, like the server's S3 presigning. */
const PRESIGNED_LIFETIME_MS = 5 * 60_000;

/**
 * The v2 download routes: `GET|HEAD /api/v2/files/<id>/content` and
 * `/api/v2/components/<id>/files/<file>` answer 302 to a presigned URL, which here is an
 * unauthenticated emulator URL with an unguessable token (a client must not forward Authorization).
 */
export function registerPresignedDownloads(router: Router, context: RouteContext): void {
  const { state } = context;
  const redirect = (request: EmulatorRequest, table: 'files' | 'component_files', row: Row) => {
    const token = randomBytes(24).toString('base64url');
    state.presigned.set(token, {
      table,
      id: row.id,
      expiresAt: state.clock().getTime() + PRESIGNED_LIFETIME_MS,
    });
    return { status: 302, headers: { location: `${request.url.origin}/presigned/${token}` } };
  };

  router.get('/api/v2/files/:id/content', async (request) => {
    const caller = await context.caller(request);
    const file = state.find('files', request.params.id ?? '');
    if (!file || !(seesAll(caller) || caller.teamIds.has(String(file.team_id)))) throw notFound('file');
    return redirect(request, 'files', file);
  });
  router.get('/api/v2/components/:id/files/:file', async (request) => {
    const caller = await context.caller(request);
    const component = state.find('components', request.params.id ?? '');
    if (!component || !componentVisible(state, caller, component)) throw notFound('component');
    const file = state.find('component_files', request.params.file ?? '');
    if (!file || file.component_id !== component.id) throw notFound('component_file');
    return redirect(request, 'component_files', file);
  });
  router.get('/presigned/:token', (request) => {
    const grant = state.presigned.get(request.params.token ?? '');
    const row = grant && state.find(grant.table, grant.id);
    if (!grant || !row || grant.expiresAt <= state.clock().getTime()) {
      throw dciError(403, 'Request has expired or the signature does not match');
    }
    const name = grant.table === 'files' ? String(row.name).replaceAll(' ', '_') : row.id;
    return {
      status: 200,
      headers: {
        'content-type': String(row.mime || 'application/octet-stream'),
        'content-disposition': `attachment; filename=${name}`,
      },
      body: state.contents.get(row.id) ?? Buffer.alloc(0),
    };
  });
}
