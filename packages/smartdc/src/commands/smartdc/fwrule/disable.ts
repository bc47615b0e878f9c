import { firewallRuleActionCommand } from '../../../cli/action-commands.js';

export default firewallRuleActionCommand('Disable a firewall rule', (client, id) =>
  client.firewallRules.disable(id),
);
