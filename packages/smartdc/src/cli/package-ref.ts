import { isApiError, NotFoundError, ValidationError } from '@nimbus-sdk/core';
import type { SmartdcClient } from '../client.js';
import type { Package } from '../types.js';

/**
 * The package a CLI argument names, like node-triton: a UUID or name (GetPackage takes both),
 * else a unique id prefix such as the short id a table shows.
 */
export async function resolvePackage(client: SmartdcClient, ref: string): Promise<Package> {
  try {
    return await client.packages.get(ref);
  } catch (error) {
    if (!isApiError(error) || error.code !== 'NOT_FOUND') throw error;
  }
  const matches = (await client.packages.list()).filter((pkg) => pkg.id.startsWith(ref));
  if (matches.length > 1) {
    throw new ValidationError(`"${ref}" is an ambiguous package id prefix; give more of the id`, [
      { path: 'package', message: matches.map((pkg) => `${pkg.name} ${pkg.id}`).join(', ') },
    ]);
  }
  if (matches[0]) return matches[0];
  throw new NotFoundError(`no package with id, name or short id "${ref}"`, { status: 404 });
}
