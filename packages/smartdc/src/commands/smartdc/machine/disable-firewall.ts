import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'disable-firewall',
  summary: 'Disable the cloud firewall of a machine',
  act: (client, id) => client.machines.disableFirewall(id),
  waitFor: { what: 'firewall disabled', done: (machine) => !machine.firewall_enabled },
});
