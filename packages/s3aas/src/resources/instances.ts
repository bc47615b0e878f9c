import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment, S3_ROOT } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { versionPath } from '../relationship.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, intIn, NOTHING_TO_UPDATE, nameField, notEmpty, uuidField } from './fields.js';

/** Instance status as the server reports it (`ERROR` is terminal). */
export type InstanceStatus = 'NEW' | 'IN_PROGRESS' | 'ACTIVE' | 'ERROR' | (string & {});

/** An s3aas instance: one RustFS node set. */
export interface Instance extends S3aasRecord {
  name: string;
  description?: string;
  project_id?: string;
  status: InstanceStatus;
  /** Data-plane node addresses; empty until the VMs have addresses. Port is always 9000. */
  ipsv4: string[];
  cpu: number;
  ram: number;
  disk_size: number;
  nodes_number: number;
  kind?: string;
  /** `/v1/types/s3/versions/<uuid>` */
  version: string;
  /** Newer servers only. */
  disk_used_percent?: number;
}

/** What `instances.create` takes; `version` is a version uuid or its path. */
export interface InstanceCreate {
  /** Choose the uuid to make a retried create safe. */
  uuid?: string;
  name: string;
  description?: string;
  project_id?: string;
  /** Cores per node, 1..128. */
  cpu: number;
  /** MiB per node, 512..1073741824. */
  ram: number;
  /** GiB of the data disk, 8..1073741824; it can only grow. */
  disk_size: number;
  /** Default 1 (a single_node instance). */
  nodes_number?: number;
  version: string;
}

/** What `instances.update` changes (a partial body sent with PUT). */
export interface InstanceUpdate {
  name?: string;
  description?: string;
  cpu?: number;
  ram?: number;
  disk_size?: number;
  nodes_number?: number;
}

const COLLECTION = `${S3_ROOT}/instances/`;

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  // The server would answer a missing name with a 500 that quotes the new row's root secret.
  name: nameField,
  description: descriptionField.optional(),
  project_id: uuidField.optional(),
  cpu: intIn(1, 128),
  ram: intIn(512, 1_073_741_824),
  disk_size: intIn(8, 1_073_741_824),
  nodes_number: intIn(1, 16).default(1),
  version: z.string().min(1, 'is required (a version uuid)'),
});

const updateSchema = z
  .strictObject({
    name: nameField.optional(),
    description: descriptionField.optional(),
    cpu: intIn(1, 128).optional(),
    ram: intIn(512, 1_073_741_824).optional(),
    disk_size: intIn(8, 1_073_741_824).optional(),
    nodes_number: intIn(1, 16).optional(),
  })
  .refine(notEmpty, NOTHING_TO_UPDATE);

/** Instances (`/v1/types/s3/instances/`). Deleting one deletes its buckets, users, keys and policies. */
export class Instances extends RestCollection<Instance> {
  /**
   * Instances of the token's project, paged lazily. Filters: name, status, project_id, version (a
   * version uuid is turned into the path the server compares with).
   */
  list(options: ListOptions = {}): PagedIterable<Instance, string> {
    const version = options.where?.version;
    if (version === undefined) return this.listAt(COLLECTION, options);
    const paths = Array.isArray(version)
      ? version.map((v) => versionPath(String(v)))
      : versionPath(String(version));
    return this.listAt(COLLECTION, { ...options, where: { ...options.where, version: paths } });
  }
  async get(id: string, options?: CallOptions): Promise<Instance> {
    return this.getAt(COLLECTION, encodePathSegment(id, 'instance id'), options);
  }
  /** Creates an instance (status `NEW`); see `waitForInstance` to wait for `ACTIVE`. */
  async create(input: InstanceCreate, options?: CallOptions): Promise<Instance> {
    const body = parseInput(createSchema, input, 'instance create input');
    return this.createAt(COLLECTION, { ...body, version: versionPath(body.version) }, options);
  }
  /** Changes the given fields with PUT and a partial body; returns the whole instance. */
  async update(id: string, patch: InstanceUpdate, options?: CallOptions): Promise<Instance> {
    const body = parseInput(updateSchema, patch, 'instance update');
    return this.updateAt(COLLECTION, encodePathSegment(id, 'instance id'), body, options);
  }
  async delete(id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(COLLECTION, encodePathSegment(id, 'instance id'), options);
  }
}
