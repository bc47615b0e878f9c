import { fileURLToPath } from 'node:url';
import { Errors } from '@oclif/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_LIST_LIMIT,
  listFlags,
  NimbusCommand,
  ProviderCommand,
  parseSort,
  sortItems,
} from '../../src/cli/index.js';
import { defineProvider } from '../../src/provider/index.js';

const coreRoot = fileURLToPath(new URL('../..', import.meta.url));

const rows = [
  { id: 'w2', name: 'sprocket', size: 10, note: 'says "hi", twice' },
  { id: 'w1', name: 'gear', size: 10, note: 'tab\there' },
  { id: 'w3', name: 'axle', size: 2, note: null },
];

/** A list whose every row is generated, counting how many were read. */
let generated = 0;
function* manyRows(count: number) {
  for (let i = 0; i < count; i++) {
    generated++;
    yield { id: `r${String(i).padStart(4, '0')}` };
  }
}

class RowList extends NimbusCommand<typeof RowList> {
  static override flags = { ...listFlags };
  async run(): Promise<void> {
    this.printList(await this.takeList(rows), { columns: ['id', 'name'] });
  }
}

class ManyList extends NimbusCommand<typeof ManyList> {
  static override flags = { ...listFlags };
  async run(): Promise<void> {
    this.printList(await this.takeList(manyRows(250)), { columns: ['id'] });
  }
}

/** A list the SDK returns whole: printList cuts the window of the sorted rows. */
class WholeList extends NimbusCommand<typeof WholeList> {
  static override flags = { ...listFlags };
  async run(): Promise<void> {
    this.printList([...manyRows(150)].reverse(), { columns: ['id'] });
  }
}

class RowShow extends NimbusCommand<typeof RowShow> {
  async run(): Promise<void> {
    this.printResult(rows[0] as object, { columns: ['id', 'name'] });
  }
}

const aliased = defineProvider({
  name: 'aliased',
  title: 'Aliased',
  settings: {},
  baseFlagEnv: { format: ['ALIASED_FORMAT'], profile: ['ALIASED_PROFILE'] },
  clientOptions: () => ({}),
  createClient: () => ({}),
  startSandbox: () => Promise.reject(new Error('not used')),
  demo: [],
});

class AliasedShow extends ProviderCommand<typeof aliased, typeof AliasedShow> {
  protected readonly provider = aliased;
  async run(): Promise<void> {
    this.printResult({ id: 'x', profile: this.flags.profile ?? null }, { columns: ['id', 'profile'] });
  }
}

let stdout: string[];
let stderr: string[];
const savedEnv = { ...process.env };

beforeEach(() => {
  stdout = [];
  stderr = [];
  generated = 0;
  delete process.env.NIMBUS_PROFILE;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
});

async function run(command: { run(argv: string[], root: string): Promise<unknown> }, argv: string[]) {
  try {
    await command.run(argv, coreRoot);
    return 0;
  } catch (error) {
    if (error instanceof Errors.ExitError) return error.oclif.exit;
    throw error;
  }
}

describe('--format', () => {
  it('prints CSV with a header, quoting commas and quotes, and -H drops the header', async () => {
    expect(await run(RowList, ['--format', 'csv', '-o', 'id,note'])).toBe(0);
    expect(stdout.join('')).toBe('id,note\nw2,"says ""hi"", twice"\nw1,tab\there\nw3,\n');
    stdout.length = 0;
    await run(RowList, ['--format', 'csv', '-H']);
    expect(stdout.join('')).toBe('w2,sprocket\nw1,gear\nw3,axle\n');
  });

  it('prints TSV with the default columns, tabs inside cells made spaces', async () => {
    await run(RowList, ['--format', 'tsv', '--columns', 'id,note']);
    expect(stdout.join('')).toBe('id\tnote\nw2\tsays "hi", twice\nw1\ttab here\nw3\t\n');
  });

  it('prints one object as one CSV row under its header', async () => {
    expect(await run(RowShow, ['--format', 'csv'])).toBe(0);
    expect(stdout.join('')).toBe('id,name\nw2,sprocket\n');
  });

  it('takes --format json as --json', async () => {
    await run(RowShow, ['--format', 'json']);
    expect(JSON.parse(stdout.join(''))).toEqual(rows[0]);
  });

  it('refuses --json with another --format (exit 2, naming both), in JSON', async () => {
    expect(await run(RowList, ['--json', '--format', 'table'])).toBe(2);
    const error = JSON.parse(stdout.join('')).error;
    expect(error.message).toMatch(/--json and --format table/);
    expect(await run(RowList, ['-j', '--format', 'json'])).toBe(0);
  });

  it('refuses an unknown format with exit 2', async () => {
    expect(await run(RowList, ['--format', 'yaml'])).toBe(2);
  });
});

describe('--sort', () => {
  it('parses comma-separated fields with - for descending', () => {
    expect(parseSort('-size,name')).toEqual([
      { key: 'size', descending: true },
      { key: 'name', descending: false },
    ]);
    expect(() => parseSort('size,')).toThrow(/every field needs a name/);
  });

  it('orders by the first field, breaking ties with the next, absent values last', () => {
    expect(sortItems(rows, '-size,name').map((r) => r.id)).toEqual(['w1', 'w2', 'w3']);
    expect(sortItems(rows, 'note').map((r) => r.id)).toEqual(['w2', 'w1', 'w3']);
    expect(sortItems(rows, '-note').map((r) => r.id)).toEqual(['w1', 'w2', 'w3']);
  });

  it('orders the whole result the same way in table, JSON, CSV and TSV', async () => {
    const orders: string[][] = [];
    for (const format of [
      ['--format', 'table', '-H'],
      ['--json'],
      ['--format', 'csv', '-H'],
      ['--format', 'tsv', '-H'],
    ]) {
      stdout.length = 0;
      expect(
        await run(RowList, [
          ...format,
          ...(format[0] === '--json' ? ['-s', '-size,name'] : ['--sort=-size,name']),
        ]),
        stderr.join('') + stdout.join(''),
      ).toBe(0);
      const text = stdout.join('');
      orders.push(
        format[0] === '--json'
          ? JSON.parse(text).map((r: { id: string }) => r.id)
          : text
              .trim()
              .split('\n')
              .map((line) => line.split(/[\s,]+/)[0] as string),
      );
    }
    for (const order of orders) expect(order).toEqual(['w1', 'w2', 'w3']);
  });
});

describe('list flags', () => {
  it(`shows ${DEFAULT_LIST_LIMIT} rows by default and says on stderr, not stdout, that more exist`, async () => {
    expect(await run(ManyList, ['--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toHaveLength(DEFAULT_LIST_LIMIT);
    expect(stderr.join('')).toMatch(`showing ${DEFAULT_LIST_LIMIT} of more; use --all or --limit`);
    // One row past the window, to know the list was cut; no more.
    expect(generated).toBe(DEFAULT_LIST_LIMIT + 1);
  });

  it('says nothing when the list fits or --limit was asked for', async () => {
    await run(ManyList, ['--limit', '5', '--json']);
    expect(JSON.parse(stdout.join(''))).toHaveLength(5);
    expect(stderr.join('')).toBe('');
    stdout.length = 0;
    await run(RowList, ['--json']);
    expect(JSON.parse(stdout.join(''))).toHaveLength(3);
    expect(stderr.join('')).toBe('');
  });

  it('--all shows every row and --offset skips rows first', async () => {
    await run(ManyList, ['--all', '--json']);
    expect(JSON.parse(stdout.join(''))).toHaveLength(250);
    stdout.length = 0;
    await run(ManyList, ['--offset', '240', '--json']);
    expect(JSON.parse(stdout.join('')).map((r: { id: string }) => r.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `r0${240 + i}`),
    );
  });

  it('cuts a list read whole after sorting it, with the same default and note', async () => {
    await run(WholeList, ['--json', '--sort', 'id', '--offset', '1', '--limit', '2']);
    expect(JSON.parse(stdout.join(''))).toEqual([{ id: 'r0001' }, { id: 'r0002' }]);
    stdout.length = 0;
    await run(WholeList, ['--format', 'csv', '-H']);
    expect(stdout.join('').trim().split('\n')).toHaveLength(DEFAULT_LIST_LIMIT);
    expect(stdout.join('')).toMatch(/^r0149\n/);
    expect(stderr.join('')).toMatch('showing 100 of more');
  });

  it('sorts the whole list read lazily before cutting the window when the server did not sort', async () => {
    await run(ManyList, ['--json', '--sort', '-id', '--limit', '2']);
    expect(JSON.parse(stdout.join(''))).toEqual([{ id: 'r0249' }, { id: 'r0248' }]);
    expect(generated).toBe(250);
  });

  it('refuses --all with --limit (exit 2)', async () => {
    expect(await run(ManyList, ['--all', '--limit', '2'])).toBe(2);
  });
});

describe("a provider's environment aliases of base flags", () => {
  it('reads the provider variable for --format when neither --format nor --json is given', async () => {
    process.env.ALIASED_FORMAT = 'csv';
    expect(await run(AliasedShow, [])).toBe(0);
    expect(stdout.join('')).toBe('id,profile\nx,\n');
    stdout.length = 0;
    await run(AliasedShow, ['--json']);
    expect(JSON.parse(stdout.join(''))).toEqual({ id: 'x', profile: null });
    stdout.length = 0;
    await run(AliasedShow, ['--format', 'tsv']);
    expect(stdout.join('')).toBe('id\tprofile\nx\t\n');
  });

  it('refuses a bad value naming the variable (exit 2)', async () => {
    process.env.ALIASED_FORMAT = 'yaml';
    expect(await run(AliasedShow, [])).toBe(2);
    expect(stderr.join('')).toMatch(/ALIASED_FORMAT="yaml"/);
  });

  it('reads the provider variable for --profile, but NIMBUS_PROFILE and -p win', async () => {
    process.env.ALIASED_PROFILE = 'from-alias';
    await run(AliasedShow, ['--json']);
    expect(JSON.parse(stdout.join('')).profile).toBe('from-alias');
    stdout.length = 0;
    process.env.NIMBUS_PROFILE = 'from-nimbus';
    await run(AliasedShow, ['--json']);
    expect(JSON.parse(stdout.join('')).profile).toBe('from-nimbus');
    stdout.length = 0;
    await run(AliasedShow, ['-p', 'from-flag', '--json']);
    expect(JSON.parse(stdout.join('')).profile).toBe('from-flag');
  });
});
