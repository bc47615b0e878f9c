import { machineActionCommand } from '../../../cli/action-commands.js';

export default machineActionCommand({
  verb: 'enable-firewall',
  summary: 'Enable the cloud firewall of a machine',
  act: (client, id) => client.machines.enableFirewall(id),
  waitFor: { what: 'firewall enabled', done: (machine) => machine.firewall_enabled },
});
