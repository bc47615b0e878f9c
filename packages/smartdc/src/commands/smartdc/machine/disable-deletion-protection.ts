import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'disable-deletion-protection',
  summary: 'Allow a protected machine to be deleted again',
  act: (client, id) => client.machines.disableDeletionProtection(id),
  waitFor: { what: 'deletion protection off', done: (machine) => !machine.deletion_protection },
});
