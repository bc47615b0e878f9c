import { showCommand } from '../../../cli/resource-commands.js';
import { resourceSpecs } from '../../../cli/resource-specs.js';

export default showCommand(resourceSpecs.remoteci);
