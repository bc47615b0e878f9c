import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'enable-deletion-protection',
  summary: 'Protect a machine from deletion until it is disabled again',
  act: (client, id) => client.machines.enableDeletionProtection(id),
  waitFor: { what: 'deletion protection on', done: (machine) => machine.deletion_protection },
});
