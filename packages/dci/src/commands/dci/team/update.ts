import { updateCommand } from '../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../cli/resource-specs.js';

export default updateCommand(resourceSpecs.team);
