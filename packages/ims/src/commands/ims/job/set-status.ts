import { SetJobStatusCommand } from '../../../cli/set-job-status.js';

export default class JobSetStatus extends SetJobStatusCommand {}
