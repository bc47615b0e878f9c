import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment, type NaasContext } from '../context.js';
import { nameSchema } from '../request-schemas.js';
import { type PageNumberOptions, pageNumberPages } from './page-number-paging.js';
import { field, listField } from './response-fields.js';

/** A secret and its value. */
export interface Secret {
  name: string;
  value: string;
  [key: string]: unknown;
}

const secretSchema = z.strictObject({
  name: nameSchema('secret name'),
  value: z.string('secret value must be a string'),
});

/** Naas secrets (`/secret/`). */
export class Secrets {
  constructor(private readonly context: NaasContext) {}

  /**
   * Lists secrets with their values. The server reads `page_size`/`page_number` from the GET body
   * only (spec §5), so this call goes through the GET-with-body seam; the same values also travel
   * in the query for servers that read them there.
   */
  list(options: PageNumberOptions = {}): PagedIterable<Secret, number> {
    return pageNumberPages(options, async (pageSize, pageNumber, signal) => {
      const paging = { page_size: pageSize, page_number: pageNumber };
      const data = await this.context.getWithBody({ path: '/secret/', query: paging, json: paging, signal });
      return listField<Secret>(data, 'secrets');
    });
  }

  async get(name: string, options: CallOptions = {}): Promise<Secret> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: `/secret/${encodePathSegment(name, 'secret name')}`,
      signal: options.signal,
    });
    return field<Secret>(data, 'secret', 'secret get');
  }

  /** Creates a secret; a 409 is a ConflictError. */
  async create(name: string, value: string, options: CallOptions = {}): Promise<void> {
    const secret = parseInput(secretSchema, { name, value }, 'secret');
    await this.context.transport.send({
      method: 'POST',
      path: '/secret/',
      body: { json: { secret } },
      responseType: 'none',
      signal: options.signal,
    });
  }

  /**
   * Creates several secrets in one call, as the models' `{"secrets": [...]}` (naas-python's CLI sent
   * its input JSON-encoded twice).
   */
  async bulkCreate(secrets: readonly Secret[], options: CallOptions = {}): Promise<void> {
    const list = parseInput(z.array(secretSchema).min(1, 'give at least one secret'), secrets, 'secrets');
    await this.context.transport.send({
      method: 'POST',
      path: '/secret/bulk',
      body: { json: { secrets: list } },
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Changes a secret's value (`PUT /secret/{name}`). */
  async update(name: string, value: string, options: CallOptions = {}): Promise<void> {
    parseInput(secretSchema, { name, value }, 'secret');
    await this.context.transport.send({
      method: 'PUT',
      path: `/secret/${encodePathSegment(name, 'secret name')}`,
      body: { json: { secret: { value } } },
      responseType: 'none',
      signal: options.signal,
    });
  }

  async delete(name: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: `/secret/${encodePathSegment(name, 'secret name')}`,
      responseType: 'none',
      signal: options.signal,
    });
  }
}
