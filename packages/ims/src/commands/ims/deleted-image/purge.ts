import { deleteCommand } from '../../../cli/record-commands.js';

export default deleteCommand({
  noun: 'deleted image',
  summary: 'Delete a soft-deleted image and its S3 objects for good',
  remove: (ims, id) => ims.v3.deletedImages.purge(id),
});
