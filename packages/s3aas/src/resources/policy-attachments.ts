import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { instancePath, policyPath, userPath } from '../relationship.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, NOTHING_TO_UPDATE, notEmpty, uuidField } from './fields.js';
import { userChildren } from './paths.js';

/** A policy attached to a user (`.../users/<u>/policies/<uuid>`). */
export interface PolicyAttachment extends S3aasRecord {
  name: string;
  description: string;
  project_id?: string;
  instance: string;
  user: string;
  /** `/v1/types/s3/instances/<i>/policies/<p>` */
  policy: string;
}

export interface PolicyAttachmentCreate {
  uuid?: string;
  /** The policy's uuid (or its path). */
  policy: string;
  name?: string;
  description?: string;
  project_id?: string;
}

export interface PolicyAttachmentUpdate {
  name?: string;
  description?: string;
  policy?: string;
}

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  policy: z.string().min(1, 'is required (a policy uuid)'),
  name: z.string().max(255).optional(),
  description: descriptionField.optional(),
  project_id: uuidField.optional(),
});

const updateSchema = z
  .strictObject({
    name: z.string().max(255).optional(),
    description: descriptionField.optional(),
    policy: z.string().min(1).optional(),
  })
  .refine(notEmpty, NOTHING_TO_UPDATE);

/**
 * Which policies a user holds. The server needs `instance` in the body (the parent here is the
 * user); it is filled in from the arguments.
 */
export class PolicyAttachments extends RestCollection<PolicyAttachment> {
  list(instance: string, user: string, options?: ListOptions): PagedIterable<PolicyAttachment, string> {
    return this.listAt(userChildren(instance, user, 'policies'), options);
  }
  async get(instance: string, user: string, id: string, options?: CallOptions): Promise<PolicyAttachment> {
    return this.getAt(
      userChildren(instance, user, 'policies'),
      encodePathSegment(id, 'attachment id'),
      options,
    );
  }
  /** Attaches a policy; attaching the same policy twice answers 409. */
  async create(
    instance: string,
    user: string,
    input: PolicyAttachmentCreate,
    options?: CallOptions,
  ): Promise<PolicyAttachment> {
    const body = parseInput(createSchema, input, 'policy attachment input');
    return this.createAt(
      userChildren(instance, user, 'policies'),
      {
        ...body,
        instance: instancePath(instance),
        user: userPath(instance, user),
        policy: policyPath(instance, body.policy),
      },
      options,
    );
  }
  async update(
    instance: string,
    user: string,
    id: string,
    patch: PolicyAttachmentUpdate,
    options?: CallOptions,
  ): Promise<PolicyAttachment> {
    const body = parseInput(updateSchema, patch, 'policy attachment update');
    const wire = body.policy === undefined ? body : { ...body, policy: policyPath(instance, body.policy) };
    return this.updateAt(
      userChildren(instance, user, 'policies'),
      encodePathSegment(id, 'attachment id'),
      wire,
      options,
    );
  }
  /** Detaches by attachment id. */
  async delete(instance: string, user: string, id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(
      userChildren(instance, user, 'policies'),
      encodePathSegment(id, 'attachment id'),
      options,
    );
  }
}
