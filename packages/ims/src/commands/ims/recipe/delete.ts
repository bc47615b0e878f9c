import { cascadeFlag, deleteCommand, softFlag } from '../../../cli/record-commands.js';

export default deleteCommand({
  noun: 'recipe',
  summary: 'Delete a recipe (and by default its S3 archive); --soft keeps it undeletable',
  flags: { cascade: cascadeFlag, soft: softFlag },
  remove: (ims, id, flags) =>
    flags.soft ? ims.v3.recipes.delete(id) : ims.recipes.delete(id, { cascade: flags.cascade !== false }),
});
