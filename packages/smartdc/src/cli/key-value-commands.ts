import { ValidationError } from '@nimbus-sdk/core';
import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { SmartdcClient } from '../client.js';
import type { MachineKeyValues } from '../resources/machine-key-values.js';
import { parsePairs, resolveMachine } from './machine-ref.js';
import { SmartdcCommand, smartdcFlags } from './smartdc-command.js';

/** What the tag and metadata commands differ in: the noun, the resource, and how `set` writes. */
interface KeyValueKind {
  plural: string;
  resource(client: SmartdcClient): Pick<MachineKeyValues<unknown>, 'list' | 'get' | 'delete' | 'deleteAll'>;
  set(client: SmartdcClient, machineId: string, values: Record<string, string>): Promise<object>;
  /** Replaces the whole set; only tags have it (CloudAPI's PUT …/tags). */
  replaceAll?(client: SmartdcClient, machineId: string, values: Record<string, string>): Promise<object>;
}

const KINDS: Record<'tag' | 'metadata', KeyValueKind> = {
  tag: {
    plural: 'tags',
    resource: (client) => client.tags,
    set: (client, id, values) => client.tags.add(id, values),
    replaceAll: (client, id, values) => client.tags.replaceAll(id, values),
  },
  metadata: {
    plural: 'metadata',
    resource: (client) => client.metadata,
    set: (client, id, values) => client.metadata.update(id, values),
  },
};

const machineArg = { machine: Args.string({ required: true, description: 'id, name or short id' }) };

/**
 * `nimbus smartdc machine <tag|metadata> <list|get|set|delete>` (and `tag replace-all`): CloudAPI
 * serves a machine's tags and metadata with the same routes, so the commands are generated from one shape.
 */
export function machineKeyValueCommand(
  noun: 'tag' | 'metadata',
  verb: 'list' | 'get' | 'set' | 'replace-all' | 'delete',
): typeof Command {
  const kind = KINDS[noun];
  // Reading one is `show` (file show.ts) in both providers, with node-triton's `get` kept as an alias.
  const aliases =
    verb === 'get'
      ? [`smartdc:machine:${noun}:get`, `smartdc:instance:${noun}:get`, `smartdc:instance:${noun}:show`]
      : [`smartdc:instance:${noun}:${verb}`];
  switch (verb) {
    case 'list':
      return class KeyValueList extends SmartdcCommand {
        static override summary = `Show all ${kind.plural} of a machine`;
        static override aliases = aliases;
        static override args = machineArg;
        static override flags = { ...smartdcFlags };
        async run(): Promise<void> {
          const client = await this.client();
          const machine = await resolveMachine(client, (this.args as { machine: string }).machine);
          this.printResult(await kind.resource(client).list(machine.id));
        }
      };
    case 'get':
      return class KeyValueGet extends SmartdcCommand {
        static override summary = `Show one ${noun} value of a machine`;
        static override aliases = aliases;
        static override args = {
          ...machineArg,
          key: Args.string({ required: true, description: 'the key' }),
        };
        static override flags = { ...smartdcFlags };
        async run(): Promise<void> {
          const { machine: ref, key } = this.args as { machine: string; key: string };
          const client = await this.client();
          const machine = await resolveMachine(client, ref);
          this.printResult({ key, value: await kind.resource(client).get(machine.id, key) });
        }
      };
    case 'set':
    case 'replace-all':
      return class KeyValueSet extends SmartdcCommand {
        static override summary =
          verb === 'set'
            ? `Set ${noun} values on a machine (key=value ...)`
            : `Replace all ${kind.plural} of a machine with these (key=value ...)`;
        static override aliases = aliases;
        static override strict = false;
        static override args = {
          ...machineArg,
          pairs: Args.string({ required: true, description: 'key=value (one or more)' }),
        };
        static override flags = { ...smartdcFlags };
        async run(): Promise<void> {
          // Every positional after the machine is a pair: one without `=` is an error, never skipped,
          // so `replace-all web01 oops` cannot clear every tag.
          const { argv } = await this.parse(this.ctor);
          const pairs = parsePairs((argv as string[]).slice(1), noun);
          const client = await this.client();
          const machine = await resolveMachine(client, (this.args as { machine: string }).machine);
          const write = verb === 'set' ? kind.set : kind.replaceAll;
          if (!write) throw new ValidationError(`${noun} has no ${verb}`);
          this.printResult(await write(client, machine.id, pairs));
        }
      };
    case 'delete':
      return class KeyValueDelete extends SmartdcCommand {
        static override summary = `Delete one ${noun} key of a machine, or all with --all`;
        static override aliases = aliases;
        static override args = { ...machineArg, key: Args.string({ description: 'the key' }) };
        static override flags = { ...smartdcFlags, all: Flags.boolean({ description: 'Delete every key' }) };
        async run(): Promise<void> {
          const { machine: ref, key } = this.args as { machine: string; key?: string };
          const { all } = this.flags as { all?: boolean };
          if (!key && !all) throw new ValidationError('give a key to delete, or --all');
          const client = await this.client();
          const machine = await resolveMachine(client, ref);
          if (key) await kind.resource(client).delete(machine.id, key);
          else await kind.resource(client).deleteAll(machine.id);
          this.printResult({ machine: machine.id, deleted: key ?? 'all' });
        }
      };
  }
}
