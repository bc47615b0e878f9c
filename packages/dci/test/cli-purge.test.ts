import { describe, expect, it } from 'vitest';
import { createDciClient, type DciClient } from '../src/index.js';
import { useDciCli } from './dci-cli-fixture.js';

// dcictl's `purge`: a dry run lists archived rows; nothing is purged without an explicit flag.
const fixture = useDciCli('admin');
const dci = fixture.dci;

function admin(): DciClient {
  const { url, seed } = fixture.emulator;
  return createDciClient({
    url,
    auth: { type: 'basic', login: 'admin', password: seed.users.admin.password },
  });
}

async function archivedTeam(name: string): Promise<string> {
  const team = await admin().teams.create({ name });
  await admin().teams.delete(team);
  return team.id;
}

const purgeableTeamIds = async () => (await admin().teams.listPurgeable()).map((team) => team.id);

describe('nimbus dci purge', () => {
  it('refuses to run without --yes or --noop, and purges nothing', async () => {
    const id = await archivedTeam('refused');
    const run = await dci(['purge', '--resource', 'teams']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--yes/);
    expect(run.stderr).toMatch(/--noop/);
    expect(await purgeableTeamIds()).toContain(id);
  });

  it('lists archived rows with --noop and leaves them', async () => {
    const id = await archivedTeam('dry-run');
    const run = await dci(['purge', '--resource', 'teams', '--noop', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as { resource: string; id: string; name: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ resource: 'teams', id, name: 'dry-run' }));
    const dryRun = await dci(['purge', '--resource', 'teams', '--dry-run', '--json']);
    expect(JSON.parse(dryRun.stdout)).toEqual(rows);
    expect(await purgeableTeamIds()).toContain(id);
  });

  it('purges only the named resources with --yes (and --force, as dcictl spells it)', async () => {
    await archivedTeam('purged');
    const topic = await admin().topics.create({
      name: 'kept-archived',
      product_id: fixture.emulator.seed.product,
    });
    await admin().topics.delete(topic);
    const run = await dci(['purge', '--resource', 'teams', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [summary] = JSON.parse(run.stdout) as { resource: string; purged: number }[];
    expect(summary?.resource).toBe('teams');
    expect(summary?.purged).toBeGreaterThan(0);
    expect(await purgeableTeamIds()).toEqual([]);
    expect((await admin().topics.listPurgeable()).map((row) => row.id)).toEqual([topic.id]);
    const forced = await dci(['purge', '--resource', 'topics', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await admin().topics.listPurgeable()).toEqual([]);
  });

  it('names the valid resources when given an unknown one, before any request', async () => {
    const run = await dci(['purge', '--resource', 'teams,pipelines', '--yes'], {
      DCI_CS_URL: 'http://127.0.0.1:9',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pipelines/);
    expect(run.stderr).toMatch(/components, topics, teams/);
  });

  it('is refused to a remoteci (exit 3), which purges nothing', async () => {
    const id = await archivedTeam('not-yours');
    const { remoteci } = fixture.emulator.seed;
    const run = await dci(['purge', '--resource', 'teams', '--yes'], {
      DCI_LOGIN: '',
      DCI_PASSWORD: '',
      DCI_CLIENT_ID: remoteci.clientId,
      DCI_API_SECRET: remoteci.apiSecret,
    });
    expect(run.code).toBe(3);
    expect(await purgeableTeamIds()).toContain(id);
  });
});
