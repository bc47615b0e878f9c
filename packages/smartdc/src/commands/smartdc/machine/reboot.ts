import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'reboot',
  summary: 'Reboot a running machine (--wait until running)',
  act: (client, id) => client.machines.reboot(id),
  waitFor: ['running'],
});
