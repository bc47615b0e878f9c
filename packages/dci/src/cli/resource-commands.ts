import type { PagedIterable } from '@nimbus-sdk/core';
import { listFlags as coreListFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { DciClient } from '../client.js';
import type { ListOptions } from '../list-options.js';
import type { DciRecord } from '../resources/record.js';
import { type BodyFields, bodyFlags, bodyFromFlags } from './body-flags.js';
import { DciCommand, type DciListFlags, dciFlags } from './dci-command.js';

/** The CRUD a resource command drives (every `Collection` of the SDK fits). */
export interface CrudResource {
  list(options?: ListOptions): PagedIterable<DciRecord, number>;
  get(id: string): Promise<DciRecord>;
  create(input: Record<string, unknown>): Promise<DciRecord>;
  update(target: string, patch: Record<string, unknown>, options: { etag?: string }): Promise<DciRecord>;
  delete(target: string, options: { etag?: string }): Promise<void>;
}

/** What the generated commands of one resource need. */
export interface ResourceCommandSpec {
  /** Singular noun for help and messages: `topic`. */
  noun: string;
  resource(dci: DciClient): CrudResource;
  /** Table and CSV columns. */
  columns: readonly string[];
  fields: BodyFields;
}

/** `--where`, `--query` and core's `--limit --all --offset` (with the base `--sort`, sent to the server). */
export const listFlags = {
  where: Flags.string({ description: 'Filter, e.g. name:RHEL-9*,state:active (* = contains)' }),
  query: Flags.string({ description: 'Query DSL, e.g. and(eq(state,active),contains(tags,ga))' }),
  ...coreListFlags,
};

/**
 * dcictl's name for the same command (`job-list`, `remoteci-show`), so `nimbus dci job-list` works
 * for people who type dcictl's commands.
 */
export function dcictlAlias(noun: string, verb: string): string[] {
  return [`dci:${noun}-${verb}`];
}

const idArg = (noun: string) => ({ id: Args.string({ description: `${noun} id`, required: true }) });

/** `nimbus dci <noun> list`. */
export function listCommand(spec: ResourceCommandSpec): typeof Command {
  return class ListCommand extends DciCommand {
    static override aliases = dcictlAlias(spec.noun, 'list');
    static override summary = `List ${spec.noun}s`;
    static override flags = { ...dciFlags, ...listFlags };
    async run(): Promise<void> {
      const flags = this.flags as DciListFlags;
      const dci = await this.client();
      this.output(await this.listRows((o) => spec.resource(dci).list(o), flags), spec.columns, {
        sorted: true,
      });
    }
  };
}

/** What a list of the rows one job owns needs (its files, its status changes). */
export interface JobRowsSpec<T extends object> {
  summary: string;
  list(dci: DciClient, jobId: string, options: ListOptions): PagedIterable<T, number>;
  /** Table and CSV columns. */
  columns: readonly string[];
}

/** `nimbus dci <noun> list --job-id <id>`. */
export function jobRowsListCommand<T extends object>(spec: JobRowsSpec<T>): typeof Command {
  return class JobRowsListCommand extends DciCommand {
    static override summary = spec.summary;
    static override flags = {
      ...dciFlags,
      ...listFlags,
      'job-id': Flags.string({ description: 'Job id', required: true }),
    };
    async run(): Promise<void> {
      const flags = this.flags as unknown as DciListFlags & { 'job-id': string };
      const dci = await this.client();
      this.output(await this.listRows((o) => spec.list(dci, flags['job-id'], o), flags), spec.columns, {
        sorted: true,
      });
    }
  };
}

/** What a list of the rows under one parent, named by a positional id, needs (a topic's components). */
export interface ChildRowsSpec<T extends object> {
  summary: string;
  /** Singular noun of the parent, for the argument's help: `topic`. */
  parent: string;
  list(dci: DciClient, parentId: string, options: ListOptions): PagedIterable<T, number>;
  /** Table and CSV columns. */
  columns: readonly string[];
}

/** `nimbus dci <parent> <noun> list <parent-id>`, with the list flags of every other list. */
export function childRowsListCommand<T extends object>(spec: ChildRowsSpec<T>): typeof Command {
  return class ChildRowsListCommand extends DciCommand {
    static override summary = spec.summary;
    static override args = idArg(spec.parent);
    static override flags = { ...dciFlags, ...listFlags };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const flags = this.flags as DciListFlags;
      const dci = await this.client();
      this.output(await this.listRows((o) => spec.list(dci, id, o), flags), spec.columns, { sorted: true });
    }
  };
}

/** `nimbus dci <noun> show <id>`. */
export function showCommand(spec: ResourceCommandSpec): typeof Command {
  return class ShowCommand extends DciCommand {
    // `get` reads one item in node-triton's words; both providers answer to both.
    static override aliases = [...dcictlAlias(spec.noun, 'show'), `dci:${spec.noun}:get`];
    static override summary = `Show one ${spec.noun}`;
    static override args = idArg(spec.noun);
    static override flags = dciFlags;
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const dci = await this.client();
      this.outputOne(await spec.resource(dci).get(id), spec.columns);
    }
  };
}

/** `nimbus dci <noun> create --field ...`. */
export function createCommand(spec: ResourceCommandSpec): typeof Command {
  return class CreateCommand extends DciCommand {
    static override aliases = dcictlAlias(spec.noun, 'create');
    static override summary = `Create a ${spec.noun}`;
    static override flags = { ...dciFlags, ...bodyFlags(spec.fields, true) };
    async run(): Promise<void> {
      const body = bodyFromFlags(spec.fields, this.flags as Record<string, unknown>);
      const dci = await this.client();
      this.outputOne(await spec.resource(dci).create(body), spec.columns);
    }
  };
}

/** `nimbus dci <noun> update <id> [--etag] --field ...` (reads the ETag when not given). */
export function updateCommand(spec: ResourceCommandSpec): typeof Command {
  return class UpdateCommand extends DciCommand {
    static override aliases = dcictlAlias(spec.noun, 'update');
    static override summary = `Update a ${spec.noun} (If-Match: --etag, or the current one)`;
    static override args = idArg(spec.noun);
    static override flags = {
      ...dciFlags,
      etag: Flags.string({ description: 'Expected ETag; the update fails if the resource changed since' }),
      ...bodyFlags(spec.fields, false),
    };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const flags = this.flags as Record<string, unknown> & { etag?: string };
      const body = bodyFromFlags(spec.fields, flags);
      const dci = await this.client();
      this.outputOne(await spec.resource(dci).update(id, body, { etag: flags.etag }), spec.columns);
    }
  };
}

/** `nimbus dci <noun> delete <id> [--etag]`. */
export function deleteCommand(spec: ResourceCommandSpec): typeof Command {
  return class DeleteCommand extends DciCommand {
    static override aliases = dcictlAlias(spec.noun, 'delete');
    static override summary = `Delete (archive) a ${spec.noun}`;
    static override args = idArg(spec.noun);
    static override flags = {
      ...dciFlags,
      etag: Flags.string({ description: 'Expected ETag; the delete fails if the resource changed since' }),
    };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const { etag } = this.flags as { etag?: string };
      const dci = await this.client();
      await spec.resource(dci).delete(id, { etag });
      this.outputOne({ id, deleted: true }, ['id', 'deleted']);
    }
  };
}
