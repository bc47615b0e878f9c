import type { PagedIterable } from '@nimbus-sdk/core';
import { lazySchema } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { DciContext } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { Collection, lazyCollectionSpec, listAt } from './collection.js';
import type { Job } from './jobs.js';
import { type DciRecord, dciId, stateSchema } from './record.js';

/** A pipeline: a named chain of jobs of a team. */
export interface Pipeline extends DciRecord {
  name: string;
  team_id: string;
}

const createSchema = lazySchema(() =>
  z
    .object({ name: z.string().min(1, 'name is required'), team_id: dciId, state: stateSchema.optional() })
    .strict(),
);
const updateSchema = lazySchema(() => createSchema().partial().strict());

export type PipelineCreate = z.input<ReturnType<typeof createSchema>>;
export type PipelineUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/pipelines`. */
export class Pipelines extends Collection<Pipeline, PipelineCreate, PipelineUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/pipelines', singular: 'pipeline', plural: 'pipelines' },
        createSchema,
        updateSchema,
      ),
    );
  }

  /** The pipeline's jobs. */
  jobs(pipelineId: string, options?: ListOptions): PagedIterable<Job, number> {
    return listAt<Job>(this.context, `/pipelines/${this.checkId(pipelineId)}/jobs`, 'jobs', options);
  }
}
