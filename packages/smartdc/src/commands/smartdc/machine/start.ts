import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'start',
  summary: 'Start a stopped machine (--wait until running)',
  act: (client, id) => client.machines.start(id),
  waitFor: ['running'],
});
