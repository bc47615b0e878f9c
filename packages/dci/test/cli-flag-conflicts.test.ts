import { describe, expect, it } from 'vitest';
import { useDciCli } from './dci-cli-fixture.js';

// Flags that conflict or would do nothing fail as usage errors (exit 2) instead of being ignored.
const fixture = useDciCli('remoteci');
const dci = fixture.dci;

describe('flags that conflict or do nothing', () => {
  it('refuses --all with --limit', async () => {
    const run = await dci(['topic', 'list', '--all', '--limit', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--limit=2 cannot also be provided when using --all|--all cannot also be provided when using --limit/,
    );
  });

  it('refuses a --columns name that is no column of the rows, in tables and CSV', async () => {
    for (const format of ['table', 'csv']) {
      const run = await dci(['topic', 'list', '--columns', 'name,nosuch', '--format', format]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^Error: --columns: no column "nosuch"; choose from id, name, /);
      expect(run.stdout).toBe('');
    }
  });

  it('still accepts any field of the rows, beyond the default columns', async () => {
    const run = await dci(['topic', 'list', '--columns', 'name,product_id', '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('name,product_id');
  });
});
