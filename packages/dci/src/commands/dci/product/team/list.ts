import { teamListCommand } from '../../../../cli/team-link-commands.js';

export default teamListCommand('product');
