import type { PagedIterable } from '@nimbus-sdk/core';
import type { Command } from '@oclif/core';
import type { S3aasClient } from '../client.js';
import type { ListOptions } from '../list-options.js';
import { type ListFlagValues, listFlags, listOptionsOf } from './list-flags.js';
import { S3aasCommand, s3aasFlags } from './s3aas-command.js';
import { idArg, instanceFlag } from './scope-flags.js';

/** What the list/show/delete commands of one instance-scoped resource need. */
export interface ScopedResourceSpec {
  noun: string;
  columns: readonly string[];
  list(client: S3aasClient, instance: string, options: ListOptions): PagedIterable<object, string>;
  get(client: S3aasClient, instance: string, id: string): Promise<object>;
  delete(client: S3aasClient, instance: string, id: string): Promise<void>;
}

/** `nimbus s3aas <noun> list --instance ID`. */
export function scopedListCommand(spec: ScopedResourceSpec): typeof Command {
  return class ScopedList extends S3aasCommand {
    static override summary = `List the ${spec.noun}s of an instance`;
    static override flags = { ...s3aasFlags, ...instanceFlag, ...listFlags };
    async run(): Promise<void> {
      const flags = this.flags as unknown as ListFlagValues & { instance: string };
      const { options, sorted } = listOptionsOf(flags);
      const client = await this.client();
      this.printList(await this.takeList(spec.list(client, flags.instance, options), { sorted }), {
        sorted,
        columns: spec.columns,
      });
    }
  };
}

/** `nimbus s3aas <noun> show ID --instance ID`. */
export function scopedShowCommand(spec: ScopedResourceSpec): typeof Command {
  return class ScopedShow extends S3aasCommand {
    static override summary = `Show one ${spec.noun}`;
    static override args = idArg(spec.noun);
    static override flags = { ...s3aasFlags, ...instanceFlag };
    async run(): Promise<void> {
      const { instance } = this.flags as unknown as { instance: string };
      const { id } = this.args as { id: string };
      this.printResult(await spec.get(await this.client(), instance, id));
    }
  };
}

/** `nimbus s3aas <noun> delete ID --instance ID`. */
export function scopedDeleteCommand(spec: ScopedResourceSpec): typeof Command {
  return class ScopedDelete extends S3aasCommand {
    static override summary = `Delete a ${spec.noun}`;
    static override args = idArg(spec.noun);
    static override flags = { ...s3aasFlags, ...instanceFlag };
    async run(): Promise<void> {
      const { instance } = this.flags as unknown as { instance: string };
      const { id } = this.args as { id: string };
      await spec.delete(await this.client(), instance, id);
      this.printResult({ deleted: id });
    }
  };
}

/** The three scoped resources whose list/show/delete differ only by collection. */
export const scopedSpecs = {
  bucket: {
    noun: 'bucket',
    columns: ['uuid', 'name', 'versioning_enabled', 'public', 'quota_bytes', 'status'],
    list: (c, i, o) => c.buckets.list(i, o),
    get: (c, i, id) => c.buckets.get(i, id),
    delete: (c, i, id) => c.buckets.delete(i, id),
  },
  policy: {
    noun: 'policy',
    columns: ['uuid', 'name', 'description', 'status'],
    list: (c, i, o) => c.policies.list(i, o),
    get: (c, i, id) => c.policies.get(i, id),
    delete: (c, i, id) => c.policies.delete(i, id),
  },
  user: {
    noun: 'user',
    columns: ['uuid', 'name', 'description', 'status'],
    list: (c, i, o) => c.users.list(i, o),
    get: (c, i, id) => c.users.get(i, id),
    delete: (c, i, id) => c.users.delete(i, id),
  },
} satisfies Record<string, ScopedResourceSpec>;
