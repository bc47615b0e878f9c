import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, NOTHING_TO_UPDATE, nameField, notEmpty, uuidField } from './fields.js';
import { instanceChildren } from './paths.js';

/** An AWS-style policy document. The server may return its keys reordered: compare structurally. */
export interface PolicyDocument {
  Version?: string;
  Statement: Array<{
    Effect: 'Allow' | 'Deny';
    Action: string | string[];
    Resource: string | string[];
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}

/** An instance-level policy; users get it through attachments. */
export interface Policy extends S3aasRecord {
  name: string;
  description?: string;
  project_id?: string;
  instance: string;
  content: PolicyDocument;
  status?: string;
}

export interface PolicyCreate {
  uuid?: string;
  name: string;
  description?: string;
  project_id?: string;
  content: PolicyDocument;
}

export interface PolicyUpdate {
  name?: string;
  description?: string;
  content?: PolicyDocument;
}

const document = z.looseObject({
  Statement: z.array(z.looseObject({}), 'content.Statement must be an array of statements').min(1),
});

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  name: nameField,
  description: descriptionField.optional(),
  project_id: uuidField.optional(),
  content: document,
});

const updateSchema = z
  .strictObject({
    name: nameField.optional(),
    description: descriptionField.optional(),
    content: document.optional(),
  })
  .refine(notEmpty, NOTHING_TO_UPDATE);

/** Policies of one instance (`.../instances/<i>/policies/`); deleting one detaches it everywhere. */
export class Policies extends RestCollection<Policy> {
  list(instance: string, options?: ListOptions): PagedIterable<Policy, string> {
    return this.listAt(instanceChildren(instance, 'policies'), options);
  }
  async get(instance: string, id: string, options?: CallOptions): Promise<Policy> {
    return this.getAt(instanceChildren(instance, 'policies'), encodePathSegment(id, 'policy id'), options);
  }
  async create(instance: string, input: PolicyCreate, options?: CallOptions): Promise<Policy> {
    const body = parseInput(createSchema, input, 'policy create input');
    return this.createAt(instanceChildren(instance, 'policies'), body, options);
  }
  async update(instance: string, id: string, patch: PolicyUpdate, options?: CallOptions): Promise<Policy> {
    const body = parseInput(updateSchema, patch, 'policy update');
    return this.updateAt(
      instanceChildren(instance, 'policies'),
      encodePathSegment(id, 'policy id'),
      body,
      options,
    );
  }
  async delete(instance: string, id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(instanceChildren(instance, 'policies'), encodePathSegment(id, 'policy id'), options);
  }
}
