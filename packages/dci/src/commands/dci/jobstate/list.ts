import { jobRowsListCommand } from '../../../cli/resource-commands.js';

export default jobRowsListCommand({
  summary: "List a job's status changes",
  list: (dci, jobId, options) => dci.jobs.jobstates(jobId, options),
  columns: ['id', 'status', 'comment', 'created_at'],
});
