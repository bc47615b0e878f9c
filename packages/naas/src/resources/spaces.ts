import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment, type NaasContext } from '../context.js';
import { containerSchema, spaceNameSchema } from '../request-schemas.js';
import { type PageNumberOptions, pageNumberPages } from './page-number-paging.js';
import { field, listField } from './response-fields.js';
import type { ContainerInput, Space } from './space-types.js';

/** Input of {@link Spaces.create}. */
export interface SpaceCreate {
  name: string;
  /** Custom domain; `""` (default) lets Naas choose. */
  domain?: string;
  containers: ContainerInput[];
}

/** Input of {@link Spaces.update}. */
export interface SpaceUpdate {
  containers: ContainerInput[];
  domain?: string;
}

const createSchema = z.strictObject({
  name: spaceNameSchema,
  domain: z.string().optional(),
  containers: z.array(containerSchema).min(1, 'a space needs at least one container'),
});
const updateSchema = z.strictObject({
  domain: z.string().optional(),
  containers: z.array(containerSchema).min(1, 'a space needs at least one container'),
});

/** Naas spaces: containers served under a domain (`/space/`). */
export class Spaces {
  constructor(private readonly context: NaasContext) {}

  /** Lists spaces; `pageSize` 0 (default) reads all in one request. */
  list(options: PageNumberOptions = {}): PagedIterable<Space, number> {
    return pageNumberPages(options, async (pageSize, pageNumber, signal) => {
      const { data } = await this.context.transport.send({
        method: 'GET',
        path: '/space/',
        query: { page_size: pageSize, page_number: pageNumber },
        signal,
      });
      return listField<Space>(data, 'spaces');
    });
  }

  async get(name: string, options: CallOptions = {}): Promise<Space> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: `/space/${encodePathSegment(name, 'space name')}`,
      signal: options.signal,
    });
    return field<Space>(data, 'space', 'space get');
  }

  /** Creates a space; a 409 is a ConflictError. */
  async create(input: SpaceCreate, options: CallOptions = {}): Promise<Space> {
    const body = parseInput(createSchema, input, 'space');
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: '/space/',
      body: { json: { name: body.name, domain: body.domain ?? '', containers: body.containers } },
      signal: options.signal,
    });
    return field<Space>(data, 'space', 'space create');
  }

  /** Replaces the containers (and the domain when given) of a space. */
  async update(name: string, input: SpaceUpdate, options: CallOptions = {}): Promise<Space> {
    const path = `/space/${encodePathSegment(name, 'space name')}`;
    const body = parseInput(updateSchema, input, 'space update');
    const json: Record<string, unknown> = { containers: body.containers };
    if (body.domain) json.domain = body.domain;
    const { data } = await this.context.transport.send({
      method: 'PUT',
      path,
      body: { json },
      signal: options.signal,
    });
    return field<Space>(data, 'space', 'space update');
  }

  async delete(name: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: `/space/${encodePathSegment(name, 'space name')}`,
      responseType: 'none',
      signal: options.signal,
    });
  }
}
