import { scopedListCommand, scopedSpecs } from '../../../cli/scoped-commands.js';

export default scopedListCommand(scopedSpecs.bucket);
