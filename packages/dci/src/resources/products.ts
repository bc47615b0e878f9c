import { joinPath } from '@nimbus-sdk/core';
import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import { lazyCollectionSpec } from './collection.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, stateSchema } from './record.js';
import type { Team } from './teams.js';

/** A DCI product (RHEL, OpenShift, ...). */
export interface Product extends DciRecord {
  name: string;
  label: string;
  description: string | null;
}

const createSchema = lazySchema(() =>
  z
    .object({
      name: z.string().min(1, 'name is required'),
      label: z.string().min(1).optional(),
      description: z.string().optional(),
      state: stateSchema.optional(),
    })
    .strict(),
);
const updateSchema = lazySchema(() => createSchema().partial().strict());

export type ProductCreate = z.input<ReturnType<typeof createSchema>>;
export type ProductUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/products`: create, update and delete need a super admin. */
export class Products extends PurgeableCollection<Product, ProductCreate, ProductUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/products', singular: 'product', plural: 'products' },
        createSchema,
        updateSchema,
      ),
    );
  }

  /** Gives `teamId` access to the product. */
  async attachTeam(productId: string, teamId: string, options: CallOptions = {}): Promise<void> {
    const id = this.checkId(productId);
    const team = parseInput(dciId, teamId, 'team id');
    await this.context.transport.send({
      method: 'POST',
      path: joinPath('products', { productId: id }, 'teams'),
      body: { json: { team_id: team } },
      signal: options.signal,
    });
  }

  /** Removes `teamId`'s access to the product. */
  async detachTeam(productId: string, teamId: string, options: CallOptions = {}): Promise<void> {
    const id = this.checkId(productId);
    const team = parseInput(dciId, teamId, 'team id');
    await this.context.transport.send({
      method: 'DELETE',
      path: joinPath('products', { productId: id }, 'teams', { teamId: team }),
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Teams with access to the product. */
  async teams(productId: string, options: CallOptions = {}): Promise<Team[]> {
    const id = this.checkId(productId);
    const { data } = await this.context.transport.send<{ teams: Team[] }>({
      method: 'GET',
      path: joinPath('products', { productId: id }, 'teams'),
      signal: options.signal,
    });
    return data.teams;
  }
}
