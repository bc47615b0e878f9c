import { ValidationError } from '@nimbus-sdk/core';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../cli/dci-command.js';
import { PURGEABLE_RESOURCES, type PurgeableResource } from '../../resources/archived-rows.js';

export default class Purge extends DciCommand<typeof Purge> {
  static override summary = 'List (--noop) or remove for good (--yes) the archived rows of DCI resources';
  static override description =
    'Deleting a DCI resource only archives it; purging removes archived rows for good (super admin only). ' +
    'Nothing is purged without --yes: --noop lists what would go.';
  static override flags = {
    ...dciFlags,
    resource: Flags.string({
      description: `Comma-separated resources (default: all of ${PURGEABLE_RESOURCES.join(', ')})`,
    }),
    noop: Flags.boolean({
      description: 'Only list the archived rows that --yes would remove',
      aliases: ['dry-run'],
      default: false,
      exclusive: ['yes'],
    }),
    yes: Flags.boolean({
      description: 'Remove the archived rows for good',
      aliases: ['force'],
      default: false,
      exclusive: ['noop'],
    }),
  };

  async run(): Promise<void> {
    const { resource, noop, yes } = this.flags;
    const resources = purgeTargets(resource);
    if (!noop && !yes) {
      throw new ValidationError(
        'purge removes archived rows for good: pass --yes to purge them, or --noop to list them first',
        [{ path: 'yes', message: 'pass --yes or --noop' }],
      );
    }
    const dci = await this.client();
    const signal = this.interruptSignal;
    if (noop) {
      const rows: Record<string, unknown>[] = [];
      for (const name of resources) {
        for (const row of await dci[name].listPurgeable({ signal }))
          rows.push({ resource: name, ...(row as object) });
      }
      this.output(rows, ['resource', 'id', 'name', 'updated_at']);
      return;
    }
    const summary: { resource: PurgeableResource; purged: number }[] = [];
    for (const name of resources) {
      // The count is what was archived just before the purge: the server does not answer one.
      const purged = (await dci[name].listPurgeable({ signal })).length;
      if (purged > 0) await dci[name].purge({ signal });
      summary.push({ resource: name, purged });
    }
    this.output(summary, ['resource', 'purged']);
  }
}

/** `--resource a,b` checked against the resources the server purges, before any request. */
function purgeTargets(flag: string | undefined): PurgeableResource[] {
  if (flag === undefined) return [...PURGEABLE_RESOURCES];
  const names = flag
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(PURGEABLE_RESOURCES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new ValidationError(
      `--resource ${unknown.length > 0 ? `does not name a purgeable resource: ${unknown.join(', ')}` : 'is empty'}; use any of ${PURGEABLE_RESOURCES.join(', ')}`,
      [{ path: 'resource', message: 'unknown resource' }],
    );
  }
  return [...new Set(names)] as PurgeableResource[];
}
