import type { CallOptions } from '../context.js';
import { listArchived, type PurgeableResource, purgeArchived } from './archived-rows.js';
import { Collection } from './collection.js';
import type { DciRecord } from './record.js';

/** A {@link Collection} whose archived rows the server can purge (not pipelines). */
export class PurgeableCollection<T extends DciRecord, C, U> extends Collection<T, C, U> {
  /**
   * The rows deleted (archived) and not yet purged; super admin only.
   *
   * @example const archived = await dci.jobs.listPurgeable()
   */
  listPurgeable(options: CallOptions = {}): Promise<T[]> {
    return listArchived<T>(this.context, this.resourceName(), options);
  }

  /** Removes every archived row of this resource for good; super admin only. */
  purge(options: CallOptions = {}): Promise<void> {
    return purgeArchived(this.context, this.resourceName(), options);
  }

  private resourceName(): PurgeableResource {
    return this.spec.plural as PurgeableResource;
  }
}
