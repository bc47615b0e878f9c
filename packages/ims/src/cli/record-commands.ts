import type { PagedIterable } from '@nimbus-sdk/core';
import { listFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { ImsClient } from '../client.js';
import { ImsCommand, imsFlags } from './ims-command.js';

/** The reads and delete every IMS record command drives. */
export interface RecordResource {
  list(): PagedIterable<object, never>;
  get(id: string): Promise<object>;
}

/** What the generated commands of one resource need. */
export interface RecordCommandSpec {
  /** Singular noun for help and messages: `image`. */
  noun: string;
  resource(ims: ImsClient): RecordResource;
  /** Table columns. */
  columns: readonly string[];
}

const idArg = (noun: string) => ({ id: Args.string({ description: `${noun} id`, required: true }) });

/** `nimbus ims <noun> list`: every record (IMS lists are not paginated). */
export function listCommand(spec: RecordCommandSpec): typeof Command {
  return class ListCommand extends ImsCommand {
    static override summary = `List ${spec.noun}s`;
    static override flags = { ...imsFlags, ...listFlags };
    async run(): Promise<void> {
      const ims = await this.client();
      this.printList(await spec.resource(ims).list().toArray(), { columns: spec.columns });
    }
  };
}

/** `nimbus ims <noun> show <id>`. */
export function showCommand(spec: RecordCommandSpec): typeof Command {
  return class ShowCommand extends ImsCommand {
    static override summary = `Show one ${spec.noun}`;
    static override args = idArg(spec.noun);
    static override flags = { ...imsFlags };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const ims = await this.client();
      this.printResult(await spec.resource(ims).get(id));
    }
  };
}

/** What a delete command does with the client and the id. */
export interface DeleteCommandSpec {
  noun: string;
  summary: string;
  /** Extra flags (`--no-cascade`, `--soft`). */
  flags?: Record<string, ReturnType<typeof Flags.boolean>>;
  remove(ims: ImsClient, id: string, flags: Record<string, unknown>): Promise<void>;
}

/** `nimbus ims <noun> delete <id>`; prints `{ id, deleted: true }`. */
export function deleteCommand(spec: DeleteCommandSpec): typeof Command {
  return class DeleteCommand extends ImsCommand {
    static override summary = spec.summary;
    static override args = idArg(spec.noun);
    static override flags = { ...imsFlags, ...(spec.flags ?? {}) };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const ims = await this.client();
      await spec.remove(ims, id, this.flags as Record<string, unknown>);
      this.printResult({ id, deleted: true });
    }
  };
}

/** `--soft`: delete on /v3, where the record can be undeleted. */
export const softFlag = Flags.boolean({
  description: 'Soft delete on /v3 (undelete it with `deleted-<noun> undelete`)',
  default: false,
});

/** `--no-cascade`: keep the S3 objects (v2 only). */
export const cascadeFlag = Flags.boolean({
  description: 'Also delete the S3 objects (v2 delete; --no-cascade keeps them)',
  default: true,
  allowNo: true,
});
