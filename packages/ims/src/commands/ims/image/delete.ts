import { cascadeFlag, deleteCommand, softFlag } from '../../../cli/record-commands.js';

export default deleteCommand({
  noun: 'image',
  summary: 'Delete an image (and by default its S3 manifest and artifacts); --soft keeps it undeletable',
  flags: { cascade: cascadeFlag, soft: softFlag },
  remove: (ims, id, flags) =>
    flags.soft ? ims.v3.images.delete(id) : ims.images.delete(id, { cascade: flags.cascade !== false }),
});
