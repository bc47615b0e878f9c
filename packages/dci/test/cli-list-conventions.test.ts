import { describe, expect, it } from 'vitest';
import { useDciCli } from './dci-cli-fixture.js';

// The CLI conventions every provider shares, as the dci commands apply them: --sort and --offset
// are sent to the server (which sorts and pages by offset), and dcictl's DCI_FORMAT sets --format.
const fixture = useDciCli('admin');
const dci = fixture.dci;

const names = (stdout: string) => (JSON.parse(stdout) as { name: string }[]).map((row) => row.name);

describe('dci list conventions', () => {
  it('reads DCI_FORMAT as --format, and --json or --format win over it', async () => {
    const csv = await dci(['topic', 'list', '--columns', 'name'], { DCI_FORMAT: 'csv' });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('name');
    const json = await dci(['topic', 'list', '--json'], { DCI_FORMAT: 'csv' });
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
    const tsv = await dci(['topic', 'list', '-o', 'id,name', '--format', 'tsv'], { DCI_FORMAT: 'csv' });
    expect(tsv.stdout.split('\n')[0]).toBe('id\tname');
  });

  it('refuses a DCI_FORMAT that is not a format (exit 2, naming it)', async () => {
    const run = await dci(['topic', 'list'], { DCI_FORMAT: 'yaml' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DCI_FORMAT="yaml"/);
  });

  it('refuses --json with --format table (exit 2)', async () => {
    const run = await dci(['topic', 'list', '--json', '--format', 'table']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/--json and --format table/);
  });

  it('sorts on the server, descending with -, and windows with --offset and --limit', async () => {
    const all = await dci(['team', 'list', '--all', '--sort', '-name', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const sorted = names(all.stdout);
    expect(sorted.length).toBeGreaterThan(2);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const window = await dci(['team', 'list', '-s', '-name', '--offset', '1', '--limit', '2', '--json']);
    expect(window.code, window.stderr).toBe(0);
    expect(names(window.stdout)).toEqual(sorted.slice(1, 3));
    expect(window.stderr).toBe('');
  });
});
