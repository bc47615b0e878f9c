import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { naasErrors } from '../errors.js';
import { bodyObject, type RouteContext } from '../route-context.js';
import type { AssetRecord } from '../state.js';

const optional = (value: unknown, what: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw naasErrors.asset(400, `${what} must be a string`);
  return value;
};

/** `/workspace/{ws}/asset/` (spec §7): `{"message"}` errors, create answers `{asset, error:{message:"Success"}}`. */
export function registerAssets(router: Router, ctx: RouteContext): void {
  const { state } = ctx;
  const workspace = async (request: EmulatorRequest) => {
    const user = await ctx.caller(request);
    const ws = request.params.ws as string;
    if (state.workspaces.get(ws) !== user.id) throw naasErrors.asset(404, `Workspace ${ws} not found`);
    return { ws, user };
  };
  const find = (ws: string, id: string): AssetRecord => {
    const asset = state.assets.get(id);
    if (!asset || asset.workspace_id !== ws) throw naasErrors.asset(404, `Asset ${id} not found`);
    return asset;
  };
  router.post('/workspace/:ws/asset', async (request) => {
    const { ws, user } = await workspace(request);
    const creation = bodyObject(request).asset_creation as Record<string, unknown> | undefined;
    if (!creation || typeof creation !== 'object') throw naasErrors.asset(400, 'asset_creation is required');
    const storage = optional(creation.storage_name, 'storage_name');
    const objectName = optional(creation.object_name, 'object_name');
    if (!storage || !objectName) throw naasErrors.asset(400, 'storage_name and object_name are required');
    const existing = [...state.assets.values()].find(
      (a) => a.workspace_id === ws && a.storage_name === storage && a.object_name === objectName,
    );
    if (existing) throw naasErrors.asset(409, `Asset already exists for this object, id:'${existing.id}'`);
    const slash = objectName.lastIndexOf('/');
    const id = randomUUID();
    const asset: AssetRecord = {
      id,
      workspace_id: ws,
      storage_name: storage,
      object_name: objectName,
      prefix: slash >= 0 ? objectName.slice(0, slash) : '',
      object_version: optional(creation.object_version, 'object_version') ?? '',
      visibility: optional(creation.visibility, 'visibility') ?? 'private',
      content_disposition: optional(creation.content_disposition, 'content_disposition') ?? 'inline',
      password: optional(creation.password, 'password') ?? '',
      url: `${request.url.origin}/asset/${id}`,
      user_id: user.id,
      asset_created_at: request.now().toISOString(),
    };
    state.assets.set(id, asset);
    return { status: 200, body: { asset: view(asset), error: { code: 0, message: 'Success' } } };
  });
  router.get('/workspace/:ws/asset/:id', async (request) => {
    const { ws } = await workspace(request);
    return { status: 200, body: { asset: view(find(ws, request.params.id as string)) } };
  });
  router.put('/workspace/:ws/asset/:id', async (request) => {
    const { ws } = await workspace(request);
    const asset = find(ws, request.params.id as string);
    const update = bodyObject(request).asset_update as Record<string, unknown> | undefined;
    if (!update || typeof update !== 'object') throw naasErrors.asset(400, 'asset_update is required');
    asset.visibility = optional(update.visibility, 'visibility') ?? asset.visibility;
    asset.content_disposition =
      optional(update.content_disposition, 'content_disposition') ?? asset.content_disposition;
    return { status: 200, body: { asset: view(asset) } };
  });
  router.delete('/workspace/:ws/asset/:id', async (request) => {
    const { ws } = await workspace(request);
    state.assets.delete(find(ws, request.params.id as string).id);
    return { status: 200, body: {} };
  });
}

/** The password is write-only: never echoed back. */
function view(asset: AssetRecord): Omit<AssetRecord, 'password'> & { password: string } {
  return { ...asset, password: asset.password ? '********' : '' };
}
