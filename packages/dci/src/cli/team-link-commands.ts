import { ValidationError } from '@nimbus-sdk/core';
import { listFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from './dci-command.js';

/** The columns of a team list. */
const TEAM_COLUMNS = ['id', 'name', 'state'] as const;

/** dcictl spells these commands `<noun>-attach-team`, `-unattach-team`/`-detach-team`, `-list-team(s)`. */
const DCICTL_VERBS = {
  add: ['attach-team'],
  remove: ['unattach-team', 'detach-team'],
  list: ['list-team', 'list-teams'],
} as const;

function aliases(noun: 'product' | 'topic', verb: keyof typeof DCICTL_VERBS): string[] {
  return DCICTL_VERBS[verb].map((dcictl) => `dci:${noun}-${dcictl}`);
}

const teamArgs = (noun: string) => ({
  id: Args.string({ description: `${noun} id`, required: true }),
  team: Args.string({ description: 'team id (or --team-id, as dcictl takes it)' }),
});
const teamIdFlag = { 'team-id': Flags.string({ description: 'team id (instead of the argument)' }) };

/** The team named once, as the argument or dcictl's `--team-id`. */
function teamOf(args: { team?: string }, flags: { 'team-id'?: string }): string {
  const { team } = args;
  const flag = flags['team-id'];
  if ((team === undefined) === (flag === undefined)) {
    throw new ValidationError('name the team once: as the argument after the id, or with --team-id', [
      { path: 'team', message: team === undefined ? 'missing' : 'given twice' },
    ]);
  }
  return (team ?? flag) as string;
}

/** `nimbus dci product team add|remove <product> <team>`: who sees a product and its topics. */
export function productTeamChangeCommand(verb: 'add' | 'remove'): typeof Command {
  return class ProductTeamChange extends DciCommand {
    static override aliases = aliases('product', verb);
    static override summary =
      verb === 'add'
        ? 'Give a team access to a product and its topics (admin or EPM)'
        : "Remove a team's access to a product and its topics (admin or EPM)";
    static override args = teamArgs('product');
    static override flags = { ...dciFlags, ...teamIdFlag };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const team = teamOf(this.args as { team?: string }, this.flags as { 'team-id'?: string });
      const dci = await this.client();
      const signal = this.interruptSignal;
      if (verb === 'add') await dci.products.attachTeam(id, team, { signal });
      else await dci.products.detachTeam(id, team, { signal });
      this.outputOne({ product_id: id, team_id: team }, ['product_id', 'team_id']);
    }
  };
}

/** `nimbus dci <product|topic> team list <id>`: the teams that see it. */
export function teamListCommand(noun: 'product' | 'topic'): typeof Command {
  return class TeamList extends DciCommand {
    static override aliases = aliases(noun, 'list');
    static override summary =
      noun === 'product'
        ? 'List the teams with access to a product (admin or EPM)'
        : "List the teams that see a topic: its product's teams (admin or EPM)";
    static override args = { id: Args.string({ description: `${noun} id`, required: true }) };
    // The server answers the whole list at once; the window is cut here, as on every list.
    static override flags = { ...dciFlags, ...listFlags };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const dci = await this.client();
      const signal = this.interruptSignal;
      const teams =
        noun === 'product'
          ? await dci.products.teams(id, { signal })
          : await dci.topics.teams(id, { signal });
      this.output(teams, TEAM_COLUMNS);
    }
  };
}

/**
 * `nimbus dci topic team add|remove`, for dcictl's `topic-attach-team` habit: the server links teams
 * to products only (a topic is seen by its product's teams), so this says which command to run
 * instead and sends nothing.
 */
export function topicTeamChangeCommand(verb: 'add' | 'remove'): typeof Command {
  return class TopicTeamChange extends DciCommand {
    static override aliases = aliases('topic', verb);
    static override summary =
      `Not on DCI: teams are linked to the topic's product (use product team ${verb})`;
    static override args = teamArgs('topic');
    static override flags = { ...dciFlags, ...teamIdFlag };
    async run(): Promise<void> {
      throw new ValidationError(
        `DCI links teams to products, not topics: a topic is seen by its product's teams. Run \`nimbus dci product team ${verb} <product-id> <team-id>\` with the topic's product_id (see \`nimbus dci topic show <topic-id>\`)`,
        [{ path: 'topic', message: 'teams are linked to products' }],
      );
    }
  };
}
