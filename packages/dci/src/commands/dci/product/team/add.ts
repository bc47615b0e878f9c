import { productTeamChangeCommand } from '../../../../cli/team-link-commands.js';

export default productTeamChangeCommand('add');
