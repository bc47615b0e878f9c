import { NotFoundError } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { Package } from '../types.js';

/** ListPackages filters (AND-ed; `*` wildcards in strings). */
export interface PackageFilters {
  name?: string;
  memory?: number;
  disk?: number;
  swap?: number;
  lwps?: number;
  vcpus?: number;
  version?: string;
  group?: string;
}

/** Packages (instance sizes). */
export class PackagesResource {
  constructor(private readonly context: SmartdcContext) {}

  async list(filters: PackageFilters = {}, options: CallOptions = {}): Promise<Package[]> {
    return (
      await this.context.transport.send<Package[]>({
        method: 'GET',
        path: accountPath(this.context, 'packages'),
        query: { ...filters },
        ...options,
      })
    ).data;
  }
  /** By UUID or name (the server picks the highest version of an active package with that name). */
  async get(idOrName: string, options: CallOptions = {}): Promise<Package> {
    return (
      await this.context.transport.send<Package>({
        method: 'GET',
        path: accountPath(this.context, 'packages', {
          idOrName: requireText('packages.get', 'idOrName', idOrName),
        }),
        ...options,
      })
    ).data;
  }
  /**
   * The package flagged `default: true` (a boolean; py-smartdc compared it to the string 'true'
   * and never found one). Deprecated by CloudAPI since SDC 7: pass a package explicitly instead.
   */
  async getDefault(options: CallOptions = {}): Promise<Package> {
    const found = (await this.list({}, options)).find((pkg) => pkg.default === true);
    if (!found)
      throw new NotFoundError('no package is marked default (CloudAPI ≥ 7 rarely sets one)', {
        status: 404,
      });
    return found;
  }
}
