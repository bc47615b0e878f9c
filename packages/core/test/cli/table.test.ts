import { describe, expect, it } from 'vitest';
import { formatCell, renderTable } from '../../src/cli/index.js';

const items = [
  { id: 'b', size: 10, owner: { name: 'zed' }, tags: ['x'] },
  { id: 'a', size: 9, owner: { name: 'amy' }, tags: [] },
  { id: 'c', size: 100, owner: null, tags: ['y', 'z'] },
];

describe('renderTable', () => {
  it('aligns columns under upper-case headers, in item order', () => {
    expect(renderTable(items, { columns: ['id', 'size'] })).toBe('ID  SIZE\nb   10\na   9\nc   100\n');
  });

  it('lets --columns pick any key, dotted keys included, and custom headers survive', () => {
    const text = renderTable(items, {
      columns: [{ key: 'id', header: 'Ident' }, 'size'],
      only: ['owner.name', 'id', 'tags'],
    });
    expect(text).toBe(
      'OWNER.NAME  Ident  TAGS\nzed         b      ["x"]\namy         a      []\n            c      ["y","z"]\n',
    );
  });

  it('sorts numerically, descending with a leading -', () => {
    expect(renderTable(items, { columns: ['id'], sort: 'size' })).toBe('ID\na\nb\nc\n');
    expect(renderTable(items, { columns: ['id'], sort: '-size' })).toBe('ID\nc\nb\na\n');
  });

  it('omits the header with header: false and prints nothing for no rows without one', () => {
    expect(renderTable(items, { columns: ['id'], header: false })).toBe('b\na\nc\n');
    expect(renderTable([], { columns: ['id'], header: false })).toBe('');
    expect(renderTable([], { columns: ['id'] })).toBe('ID\n');
  });

  it('rejects a bare - as sort key', () => {
    expect(() => renderTable(items, { columns: ['id'], sort: '-' })).toThrow(
      /--sort "-": every field needs a name/,
    );
  });
});

describe('formatCell', () => {
  it('renders scalars plainly, dates as ISO, absent as empty', () => {
    expect(formatCell(undefined)).toBe('');
    expect(formatCell(false)).toBe('false');
    expect(formatCell(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatCell({ a: 1 })).toBe('{"a":1}');
  });
});
