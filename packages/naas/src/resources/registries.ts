import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment, type NaasContext } from '../context.js';
import { registryNameSchema } from '../request-schemas.js';
import { type PageNumberOptions, pageNumberPages } from './page-number-paging.js';
import { field, listField } from './response-fields.js';

/** A container registry. `uri` is the image repository to tag and push to. */
export interface Registry {
  name: string;
  user_id?: string;
  uri: string;
  [key: string]: unknown;
}

/** A registry's docker credentials. */
export interface RegistryCredentials {
  name: string;
  credentials: { username: string; password: string; [key: string]: unknown };
  [key: string]: unknown;
}

const createSchema = z.strictObject({ name: registryNameSchema });

/** Naas container registries (`/registry/`). */
export class Registries {
  constructor(private readonly context: NaasContext) {}

  list(options: PageNumberOptions = {}): PagedIterable<Registry, number> {
    return pageNumberPages(options, async (pageSize, pageNumber, signal) => {
      const { data } = await this.context.transport.send({
        method: 'GET',
        path: '/registry/',
        query: { page_size: pageSize, page_number: pageNumber },
        signal,
      });
      return listField<Registry>(data, 'registries');
    });
  }

  async get(name: string, options: CallOptions = {}): Promise<Registry> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: `/registry/${encodePathSegment(name, 'registry name')}`,
      signal: options.signal,
    });
    return field<Registry>(data, 'registry', 'registry get');
  }

  /** Creates a registry; a 409 is a ConflictError. */
  async create(name: string, options: CallOptions = {}): Promise<Registry> {
    const body = parseInput(createSchema, { name }, 'registry');
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: '/registry/',
      body: { json: body },
      signal: options.signal,
    });
    return field<Registry>(data, 'registry', 'registry create');
  }

  async delete(name: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: `/registry/${encodePathSegment(name, 'registry name')}`,
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** The registry's docker username and password (a secret: do not log it). */
  async credentials(name: string, options: CallOptions = {}): Promise<RegistryCredentials> {
    const { data } = await this.context.transport.send<RegistryCredentials>({
      method: 'GET',
      path: `/registry/${encodePathSegment(name, 'registry name')}/credentials`,
      signal: options.signal,
    });
    const credentials = field<RegistryCredentials['credentials']>(
      data,
      'credentials',
      'registry credentials',
    );
    return { ...(data as object), name: data?.name ?? name, credentials };
  }
}
