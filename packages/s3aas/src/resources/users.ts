import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, NOTHING_TO_UPDATE, nameField, notEmpty, uuidField } from './fields.js';
import { instanceChildren } from './paths.js';

/** A logical data-plane user: its access keys carry the policies attached to it. */
export interface S3User extends S3aasRecord {
  name: string;
  description?: string;
  project_id?: string;
  instance: string;
  status?: string;
}

export interface S3UserCreate {
  uuid?: string;
  name: string;
  description?: string;
  project_id?: string;
}

/** Only the description changes: the server refuses a new name (400 ReadOnlyProperty). */
export interface S3UserUpdate {
  description?: string;
}

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  name: nameField,
  description: descriptionField.optional(),
  project_id: uuidField.optional(),
});

const updateSchema = z
  .strictObject({ description: descriptionField.optional() })
  .refine(notEmpty, NOTHING_TO_UPDATE);

/** Users of one instance (`.../instances/<i>/users/`); deleting one deletes its keys and attachments. */
export class Users extends RestCollection<S3User> {
  list(instance: string, options?: ListOptions): PagedIterable<S3User, string> {
    return this.listAt(instanceChildren(instance, 'users'), options);
  }
  async get(instance: string, id: string, options?: CallOptions): Promise<S3User> {
    return this.getAt(instanceChildren(instance, 'users'), encodePathSegment(id, 'user id'), options);
  }
  async create(instance: string, input: S3UserCreate, options?: CallOptions): Promise<S3User> {
    const body = parseInput(createSchema, input, 'user create input');
    return this.createAt(instanceChildren(instance, 'users'), body, options);
  }
  async update(instance: string, id: string, patch: S3UserUpdate, options?: CallOptions): Promise<S3User> {
    const body = parseInput(updateSchema, patch, 'user update');
    return this.updateAt(
      instanceChildren(instance, 'users'),
      encodePathSegment(id, 'user id'),
      body,
      options,
    );
  }
  async delete(instance: string, id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(instanceChildren(instance, 'users'), encodePathSegment(id, 'user id'), options);
  }
}
