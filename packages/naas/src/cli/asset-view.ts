import type { Asset } from '../resources/assets.js';

export const assetColumns = [
  'id',
  'url',
  'storage_name',
  'object_name',
  'visibility',
  'content_disposition',
] as const;

/** An asset as shown: the password (write-only) is left out. */
export function assetView(asset: Asset): Record<string, unknown> {
  const { password: _password, ...rest } = asset;
  return rest;
}
