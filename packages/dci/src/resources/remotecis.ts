import { joinPath } from '@nimbus-sdk/core';
import { lazySchema } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { DciContext, WriteOptions } from '../context.js';
import { lazyCollectionSpec, type Target, unwrap } from './collection.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, jsonObject, stateSchema } from './record.js';

/** A remoteci: a lab agent that runs jobs and signs its requests with its API secret. */
export interface Remoteci extends DciRecord {
  name: string;
  data: Record<string, unknown>;
  /** Returned by get and create, hidden by update. */
  api_secret?: string;
  team_id: string;
  public: boolean;
}

/** A feeder: an agent that publishes components. */
export interface Feeder extends DciRecord {
  name: string;
  data: Record<string, unknown>;
  api_secret?: string;
  team_id: string;
}

const remoteciCreate = lazySchema(() =>
  z
    .object({
      name: z.string().min(1, 'name is required'),
      team_id: dciId,
      data: jsonObject.optional(),
      public: z.boolean().optional(),
      state: stateSchema.optional(),
    })
    .strict(),
);
const remoteciUpdate = lazySchema(() => remoteciCreate().partial().strict());
const feederCreate = lazySchema(() => remoteciCreate().omit({ public: true }).strict());
const feederUpdate = lazySchema(() => feederCreate().partial().strict());

export type RemoteciCreate = z.input<ReturnType<typeof remoteciCreate>>;
export type RemoteciUpdate = z.input<ReturnType<typeof remoteciUpdate>>;
export type FeederCreate = z.input<ReturnType<typeof feederCreate>>;
export type FeederUpdate = z.input<ReturnType<typeof feederUpdate>>;

/** Shared by remotecis and feeders: both own a resettable API secret. */
class SecretHolders<T extends DciRecord, C, U> extends PurgeableCollection<T, C, U> {
  /** Generates a new API secret (the old one stops working) and returns the row with it. */
  async resetApiSecret(target: Target, options: WriteOptions = {}): Promise<T> {
    const id = this.checkId(typeof target === 'string' ? target : target.id);
    const etag =
      options.etag ??
      (typeof target === 'string' ? undefined : target.etag) ??
      (await this.get(id)).etag ??
      '';
    const { data } = await this.context.transport.send({
      method: 'PUT',
      path: joinPath(this.spec.path, { id }, 'api_secret'),
      conditions: { ifMatch: etag },
      signal: options.signal,
    });
    return unwrap<T>(data, this.spec.singular);
  }
}

/** `/remotecis`. */
export class Remotecis extends SecretHolders<Remoteci, RemoteciCreate, RemoteciUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/remotecis', singular: 'remoteci', plural: 'remotecis' },
        remoteciCreate,
        remoteciUpdate,
      ),
    );
  }
}

/** `/feeders`. */
export class Feeders extends SecretHolders<Feeder, FeederCreate, FeederUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/feeders', singular: 'feeder', plural: 'feeders' },
        feederCreate,
        feederUpdate,
      ),
    );
  }
}
