import { showCommand } from '../../../cli/record-commands.js';
import { recordSpecs } from '../../../cli/record-specs.js';

export default showCommand(recordSpecs.job);
