import { firewallRuleActionCommand } from '../../../cli/action-commands.js';

export default firewallRuleActionCommand('Enable a firewall rule', (client, id) =>
  client.firewallRules.enable(id),
);
