import { deleteCommand, softFlag } from '../../../cli/record-commands.js';

export default deleteCommand({
  noun: 'public key',
  summary: 'Delete a public key; --soft keeps it undeletable',
  flags: { soft: softFlag },
  remove: (ims, id, flags) => (flags.soft ? ims.v3.publicKeys.delete(id) : ims.publicKeys.delete(id)),
});
