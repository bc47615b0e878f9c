import { createCommand } from '../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../cli/resource-specs.js';

export default createCommand(resourceSpecs.topic);
