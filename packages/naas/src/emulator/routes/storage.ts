import { randomBytes } from 'node:crypto';
import { EmulatorHttpError, type EmulatorRequest, type Router } from '@nimbus-sdk/core/testing';
import { storageErrorBody } from '../errors.js';
import { bodyObject, type RouteContext } from '../route-context.js';
import type { ObjectRecord } from '../state.js';

/** StorageError / ObjectError codes (spec §6.1). */
const ALREADY_EXISTS = 1;
const STORAGE_NOT_FOUND = 2;
const OBJECT_NOT_FOUND = 3;

function expiration(date: Date, format: 'space' | 'T'): string {
  const text = date.toISOString().slice(0, 19);
  return format === 'T' ? `${text}+00:00` : `${text.replace('T', ' ')}+00:00`;
}

/** `/workspace/{ws}/storage/` (spec §6.2). */
export function registerStorage(router: Router, ctx: RouteContext): void {
  const { state, behaviour } = ctx;
  const fail = (status: number, code: number, message: string): never => {
    const body = storageErrorBody(behaviour.storageErrorKey, code, message);
    if (behaviour.storageErrorStatus === 'ok') throw new EmulatorHttpError(200, body);
    throw new EmulatorHttpError(status, body);
  };
  const workspace = async (request: EmulatorRequest): Promise<string> => {
    const user = await ctx.caller(request);
    const ws = request.params.ws as string;
    if (state.workspaces.get(ws) !== user.id) fail(404, STORAGE_NOT_FOUND, `Workspace ${ws} not found`);
    return ws;
  };
  const storage = (ws: string, name: string): Map<string, ObjectRecord> =>
    state.storages.get(`${ws}/${name}`) ?? fail(404, STORAGE_NOT_FOUND, `Storage ${name} not found`);

  router.post('/workspace/:ws/storage/credentials', async (request) => {
    const ws = await workspace(request);
    const body = bodyObject(request);
    const name = typeof body.name === 'string' ? body.name : '';
    storage(ws, name);
    state.credentialsIssued += 1;
    const expires = new Date(request.now().getTime() + behaviour.credentialsTtlSeconds * 1000);
    const s3 = ctx.s3;
    return {
      status: 200,
      body: {
        credentials: {
          s3: {
            endpoint_url: `s3://${s3?.bucket ?? 'api-naas-storage'}/${ws}/${name}/`,
            region_name: s3?.region ?? 'eu-west-3',
            access_key_id: s3?.accessKeyId ?? `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
            secret_key: s3?.secretAccessKey ?? randomBytes(20).toString('base64url'),
            session_token: s3 ? '' : randomBytes(32).toString('base64url'),
            expiration: expiration(expires, behaviour.expirationFormat),
          },
        },
      },
    };
  });
  router.post('/workspace/:ws/storage', async (request) => {
    const ws = await workspace(request);
    const name = (bodyObject(request).storage as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new EmulatorHttpError(422, {
        detail: [{ loc: ['body', 'storage', 'name'], msg: 'invalid storage name', type: 'value_error' }],
      });
    }
    if (state.storages.has(`${ws}/${name}`)) fail(409, ALREADY_EXISTS, `Storage ${name} already exists`);
    state.storages.set(`${ws}/${name}`, new Map());
    return { status: 201 };
  });
  router.delete('/workspace/:ws/storage', async (request) => {
    const ws = await workspace(request);
    const name = request.query.get('storage_name') ?? '';
    storage(ws, name);
    state.storages.delete(`${ws}/${name}`);
    return { status: 200, body: { storage: { name } } };
  });
  router.get('/workspace/:ws/storage', async (request) => {
    const ws = await workspace(request);
    const names = [...state.storages.keys()]
      .filter((key) => key.startsWith(`${ws}/`))
      .map((key) => ({ name: key.slice(ws.length + 1) }));
    return { status: 200, body: { storage: names } };
  });
  router.get('/workspace/:ws/storage/:storage', async (request) => {
    const ws = await workspace(request);
    const name = request.params.storage as string;
    storage(ws, name);
    const raw = request.query.get('prefix') ?? '';
    const prefix = raw === '' || raw.endsWith('/') ? raw : `${raw}/`;
    const folders = new Set<string>();
    const entries: unknown[] = [];
    const records = await ctx.objects.list(ws, name, prefix);
    for (const record of records.sort((a, b) => a.key.localeCompare(b.key))) {
      if (!record.key.startsWith(prefix)) continue;
      const rest = record.key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) {
        const folder = rest.slice(0, slash);
        if (!folders.has(folder)) {
          folders.add(folder);
          entries.push({ name: folder, type: 'folder', prefix, size: '0', lastmodified: '' });
        }
        continue;
      }
      entries.push({
        name: rest,
        type: 'file',
        prefix,
        size: String(record.size),
        lastmodified: record.lastModified.toISOString(),
      });
    }
    return { status: 200, body: { object: entries } };
  });
  router.delete('/workspace/:ws/storage/:storage', async (request) => {
    const ws = await workspace(request);
    const name = request.params.storage as string;
    storage(ws, name);
    const prefix = request.query.get('prefix') ?? '';
    const object = request.query.get('object') ?? '';
    const key = prefix === '' ? object : `${prefix.replace(/\/$/, '')}/${object}`;
    if (!(await ctx.objects.delete(ws, name, key))) fail(404, OBJECT_NOT_FOUND, `Object ${key} not found`);
    return { status: 200, body: {} };
  });
}
