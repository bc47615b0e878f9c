import { listCommand } from '../../../cli/record-commands.js';
import { recordSpecs } from '../../../cli/record-specs.js';

export default listCommand(recordSpecs.recipe);
