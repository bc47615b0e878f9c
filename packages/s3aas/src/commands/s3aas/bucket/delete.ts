import { scopedDeleteCommand, scopedSpecs } from '../../../cli/scoped-commands.js';

export default scopedDeleteCommand(scopedSpecs.bucket);
