import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { instancePath, userPath } from '../relationship.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, NOTHING_TO_UPDATE, notEmpty, uuidField } from './fields.js';
import { userChildren } from './paths.js';

/** An S3 access key of a user. The secret is never returned after creation. */
export interface AccessKey extends S3aasRecord {
  name: string;
  description: string;
  project_id?: string;
  instance: string;
  user: string;
  access_key: string;
  status?: string;
}

/** The create answer: the only time `secret_key` is shown. */
export interface CreatedAccessKey extends AccessKey {
  secret_key: string;
}

export interface AccessKeyCreate {
  uuid?: string;
  name?: string;
  description?: string;
  project_id?: string;
  /** 10..256 characters; generated (40 letters/digits) when omitted. */
  secret_key?: string;
}

export interface AccessKeyUpdate {
  name?: string;
  description?: string;
}

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  name: z.string().max(255).optional(),
  description: descriptionField.optional(),
  project_id: uuidField.optional(),
  secret_key: z
    .string()
    .min(10, 'must be 10 to 256 characters')
    .max(256, 'must be 10 to 256 characters')
    .optional(),
});

const updateSchema = z
  .strictObject({ name: z.string().max(255).optional(), description: descriptionField.optional() })
  .refine(notEmpty, NOTHING_TO_UPDATE);

/** Access keys of a user (`.../users/<u>/keys/`). */
export class AccessKeys extends RestCollection<AccessKey> {
  list(instance: string, user: string, options?: ListOptions): PagedIterable<AccessKey, string> {
    return this.listAt(userChildren(instance, user, 'keys'), options);
  }
  async get(instance: string, user: string, id: string, options?: CallOptions): Promise<AccessKey> {
    return this.getAt(userChildren(instance, user, 'keys'), encodePathSegment(id, 'key id'), options);
  }
  /** Creates a key; keep `secret_key` from the answer, it is never shown again. */
  async create(
    instance: string,
    user: string,
    input: AccessKeyCreate = {},
    options?: CallOptions,
  ): Promise<CreatedAccessKey> {
    const body = parseInput(createSchema, input, 'access key create input');
    const created = await this.createAt(
      userChildren(instance, user, 'keys'),
      { ...body, instance: instancePath(instance), user: userPath(instance, user) },
      options,
    );
    return created as CreatedAccessKey;
  }
  async update(
    instance: string,
    user: string,
    id: string,
    patch: AccessKeyUpdate,
    options?: CallOptions,
  ): Promise<AccessKey> {
    const body = parseInput(updateSchema, patch, 'access key update');
    return this.updateAt(
      userChildren(instance, user, 'keys'),
      encodePathSegment(id, 'key id'),
      body,
      options,
    );
  }
  async delete(instance: string, user: string, id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(userChildren(instance, user, 'keys'), encodePathSegment(id, 'key id'), options);
  }
}
