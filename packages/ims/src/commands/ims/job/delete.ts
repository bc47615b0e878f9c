import { deleteCommand } from '../../../cli/record-commands.js';

export default deleteCommand({
  noun: 'job',
  summary: 'Delete a job (IMS also removes its Kubernetes objects)',
  remove: (ims, id) => ims.jobs.delete(id),
});
