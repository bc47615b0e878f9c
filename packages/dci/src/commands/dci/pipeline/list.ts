import { listCommand } from '../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../cli/resource-specs.js';

export default listCommand(resourceSpecs.pipeline);
