import { describe, expect, it } from 'vitest';
import { createDciClient } from '../src/index.js';
import { useDciCli } from './dci-cli-fixture.js';

// Which teams see a product (and so its topics): `/products/<id>/teams`, admin and EPM only.
const fixture = useDciCli('admin');
const dci = fixture.dci;

const teamNames = (stdout: string) => (JSON.parse(stdout) as { name: string }[]).map((team) => team.name);

async function newProduct(name: string): Promise<string> {
  const { url, seed } = fixture.emulator;
  const admin = createDciClient({
    url,
    auth: { type: 'basic', login: 'admin', password: seed.users.admin.password },
  });
  return (await admin.products.create({ name })).id;
}

describe('nimbus dci product team', () => {
  it('adds, lists and removes a team of a product', async () => {
    const product = await newProduct('Team Links');
    const { partner } = fixture.emulator.seed.teams;
    const added = await dci(['product', 'team', 'add', product, partner, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ product_id: product, team_id: partner });
    const listed = await dci(['product', 'team', 'list', product, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(teamNames(listed.stdout)).toEqual(['Partner Lab']);
    const removed = await dci(['product', 'team', 'remove', product, partner]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(teamNames((await dci(['product', 'team', 'list', product, '--json'])).stdout)).toEqual([]);
  });

  it("answers to dcictl's names, with the team as --team-id", async () => {
    const product = await newProduct('Dcictl Links');
    const { epm } = fixture.emulator.seed.teams;
    const attached = await dci(['product-attach-team', product, '--team-id', epm]);
    expect(attached.code, attached.stderr).toBe(0);
    expect(teamNames((await dci(['product-list-teams', product, '--json'])).stdout)).toEqual(['EPM']);
    // The list flags every list command has: the window is cut from the server's whole answer.
    expect((await dci(['product', 'team', 'add', product, fixture.emulator.seed.teams.partner])).code).toBe(
      0,
    );
    const window = await dci([
      'product',
      'team',
      'list',
      product,
      '--sort',
      'name',
      '--offset',
      '1',
      '--limit',
      '1',
      '--json',
    ]);
    expect(teamNames(window.stdout)).toEqual(['Partner Lab']);
    expect((await dci(['product-detach-team', product, '--team-id', epm])).code).toBe(0);
    expect(teamNames((await dci(['product-list-team', product, '--json'])).stdout)).toEqual(['Partner Lab']);
  });

  it('asks for the team once: as an argument or --team-id, not neither', async () => {
    const run = await dci(['product', 'team', 'add', fixture.emulator.seed.product]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--team-id/);
  });

  it('is refused to a partner user (exit 3), who changes nothing', async () => {
    const product = fixture.emulator.seed.product;
    const { epm } = fixture.emulator.seed.teams;
    const { partner } = fixture.emulator.seed.users;
    const run = await dci(['product', 'team', 'add', product, epm], {
      DCI_LOGIN: partner.login,
      DCI_PASSWORD: partner.password,
    });
    expect(run.code).toBe(3);
    expect(teamNames((await dci(['product', 'team', 'list', product, '--json'])).stdout)).toEqual([
      'Partner Lab',
    ]);
  });
});

describe('nimbus dci topic team', () => {
  it("lists the teams that see a topic: its product's teams", async () => {
    const { topic } = fixture.emulator.seed;
    const run = await dci(['topic-list-team', topic, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(teamNames(run.stdout)).toEqual(['Partner Lab']);
  });

  it('points add and remove at the product, since the server links teams to products only', async () => {
    const { topic, teams } = fixture.emulator.seed;
    for (const args of [
      ['topic', 'team', 'add', topic, teams.epm],
      ['topic-attach-team', topic, '--team-id', teams.epm],
      ['topic-unattach-team', topic, '--team-id', teams.partner],
    ]) {
      const run = await dci(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/nimbus dci product team/);
    }
    expect(teamNames((await dci(['topic', 'team', 'list', topic, '--json'])).stdout)).toEqual([
      'Partner Lab',
    ]);
  });
});
