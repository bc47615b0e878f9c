import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { imageListFilters } from '../../../cli/list-filters.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

const COLUMNS = ['shortid', 'name', 'version', 'os', 'type', 'published_at'] as const;
const LONG_COLUMNS = [
  'id',
  'name',
  'version',
  'os',
  'type',
  'state',
  'public',
  'owner',
  'published_at',
] as const;

export default class ImageList extends SmartdcCommand<typeof ImageList> {
  static override summary = 'List images';
  static override description =
    'FILTERS are key=value, sent to ListImages: name, os, version, public, state (or all), owner, type; `*` matches any text.';
  static override examples = ['<%= config.bin %> smartdc image list os=linux name=ubuntu*'];
  static override strict = false;
  static override args = { filters: Args.string({ description: 'key=value filters (any number)' }) };
  static override flags = {
    ...smartdcFlags,
    long: Flags.boolean({ char: 'l', description: 'Long table: full id, state, public, owner' }),
    ...listFlags,
    name: Flags.string({ description: 'Only images with this name' }),
    os: Flags.string({ description: 'Only images of this OS' }),
    // node-triton's --all: inactive images too; as the list flag it also lifts the row limit.
    all: Flags.boolean({
      description: 'Every image: inactive ones too, and no row limit',
      exclusive: ['limit'],
    }),
  };

  async run(): Promise<void> {
    const { argv } = await this.parse(ImageList);
    const filters = imageListFilters(argv as string[]);
    const client = await this.client();
    const images = await client.images.list({
      ...filters,
      ...(this.flags.name ? { name: this.flags.name } : {}),
      ...(this.flags.os ? { os: this.flags.os } : {}),
      ...(this.flags.all ? { state: 'all' as const } : {}),
    });
    // With --columns every column can be named, shortid included.
    const names: readonly string[] =
      this.requestedColumns() !== undefined
        ? ['shortid', ...LONG_COLUMNS]
        : this.flags.long
          ? LONG_COLUMNS
          : COLUMNS;
    this.printList(images, {
      columns: names.map((key) =>
        key === 'shortid' ? { key, get: (image: { id: string }) => image.id.slice(0, 8) } : key,
      ),
    });
  }
}
