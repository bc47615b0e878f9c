import { joinPath, type PagedIterable } from '@nimbus-sdk/core';
import { lazySchema } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { lazyCollectionSpec, listAt } from './collection.js';
import type { Component } from './components.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, jsonObject, stateSchema } from './record.js';
import type { Team } from './teams.js';

/** A DCI topic (a product version line: `RHEL-9.4`, `OCP-4.16`). */
export interface Topic extends DciRecord {
  name: string;
  product_id: string;
  component_types: string[];
  component_types_optional: string[];
  next_topic_id: string | null;
  export_control: boolean;
  data: Record<string, unknown>;
}

const createSchema = lazySchema(() =>
  z
    .object({
      name: z.string().min(1, 'name is required'),
      product_id: dciId,
      component_types: z.array(z.string().min(1)).optional(),
      component_types_optional: z.array(z.string().min(1)).optional(),
      next_topic_id: dciId.nullable().optional(),
      export_control: z.boolean().optional(),
      data: jsonObject.optional(),
      state: stateSchema.optional(),
    })
    .strict(),
);
const updateSchema = lazySchema(() => createSchema().partial().strict());

export type TopicCreate = z.input<ReturnType<typeof createSchema>>;
export type TopicUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/topics`. */
export class Topics extends PurgeableCollection<Topic, TopicCreate, TopicUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/topics', singular: 'topic', plural: 'topics' },
        createSchema,
        updateSchema,
      ),
    );
  }

  /** The topic's components, with the usual list options. */
  components(topicId: string, options?: ListOptions): PagedIterable<Component, number> {
    return listAt<Component>(
      this.context,
      `/topics/${this.checkId(topicId)}/components`,
      'components',
      options,
    );
  }

  /**
   * The teams that see the topic. DCI links teams to products, not topics, so these are the teams
   * of the topic's product (change them with `products.attachTeam`/`detachTeam`); admin and EPM only.
   */
  async teams(topicId: string, options: CallOptions = {}): Promise<Team[]> {
    const topic = await this.get(topicId, options);
    const { data } = await this.context.transport.send<{ teams: Team[] }>({
      method: 'GET',
      path: joinPath('products', { productId: topic.product_id }, 'teams'),
      signal: options.signal,
    });
    return data.teams;
  }
}
