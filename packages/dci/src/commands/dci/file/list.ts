import { jobRowsListCommand } from '../../../cli/resource-commands.js';

export default jobRowsListCommand({
  summary: "List a job's files",
  list: (dci, jobId, options) => dci.jobs.files(jobId, options),
  columns: ['id', 'name', 'mime', 'size', 'created_at'],
});
