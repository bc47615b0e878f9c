import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'stop',
  summary: 'Stop a running machine (--wait until stopped)',
  act: (client, id) => client.machines.stop(id),
  waitFor: ['stopped'],
});
