import { deleteCommand } from '../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../cli/resource-specs.js';

export default deleteCommand(resourceSpecs.feeder);
