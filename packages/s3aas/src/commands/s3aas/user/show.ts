import { scopedShowCommand, scopedSpecs } from '../../../cli/scoped-commands.js';

export default scopedShowCommand(scopedSpecs.user);
