import { topicTeamChangeCommand } from '../../../../cli/team-link-commands.js';

export default topicTeamChangeCommand('add');
