import type { DciState, Row } from './state.js';

/** Who sent a request, with the roles the server derives from team membership. */
export interface Caller {
  kind: 'user' | 'remoteci' | 'feeder';
  id: string;
  row: Row;
  teamIds: ReadonlySet<string>;
  /** Member of team `admin`. */
  superAdmin: boolean;
  /** Member of team `Red Hat`: sees everything, writes nothing. */
  readOnly: boolean;
  /** Member of team `EPM`: near-admin. */
  epm: boolean;
}

function teamNamed(state: DciState, name: string): string | undefined {
  return state.rows('teams').find((team) => team.name === name)?.id;
}

/** Builds the caller for an authenticated row. */
export function callerFor(state: DciState, kind: Caller['kind'], row: Row): Caller {
  const teamIds = kind === 'user' ? state.teamsOf(row.id) : new Set([String(row.team_id)]);
  const has = (name: string) => {
    const id = teamNamed(state, name);
    return id !== undefined && teamIds.has(id);
  };
  return {
    kind,
    id: row.id,
    row,
    teamIds,
    superAdmin: has('admin'),
    readOnly: has('Red Hat'),
    epm: has('EPM'),
  };
}

/** True when the caller can see every team's rows. */
export function seesAll(caller: Caller): boolean {
  return caller.superAdmin || caller.readOnly || caller.epm;
}

/** True when the caller may write rows of `teamId`. */
export function writesTeam(caller: Caller, teamId: unknown): boolean {
  return caller.superAdmin || caller.epm || (typeof teamId === 'string' && caller.teamIds.has(teamId));
}
