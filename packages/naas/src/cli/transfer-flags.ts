import * as Flags from '@oclif/core/flags';

/** naas-python's `-src/--source` and `-dst/--destination` (also `--src` / `--dst`). */
export const transferFlags = () => ({
  source: Flags.string({ aliases: ['src'], description: 'What to copy (also --src)', required: true }),
  destination: Flags.string({
    aliases: ['dst', 'target'],
    description:
      'Where to copy it (also --dst, and --target as for every nimbus download; - is stdout for a download)',
    required: true,
  }),
});
