import { machineKeyValueCommand } from '../../../../cli/key-value-commands.js';

export default machineKeyValueCommand('tag', 'replace-all');
