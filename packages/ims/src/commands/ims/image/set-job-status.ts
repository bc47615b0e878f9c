import { SetJobStatusCommand } from '../../../cli/set-job-status.js';

/** The helper's spelling: `image set_job_status IMS_JOB_ID STATUS`. */
export default class ImageSetJobStatus extends SetJobStatusCommand {}
