import type { CallOptions, DciContext } from '../context.js';
import { listAt } from './collection.js';
import { type DciFile, type FileContent, Files } from './files.js';
import type { Jobstate } from './jobstates.js';

/** One file of a job's log: the jobstate it was uploaded under, and its content on demand. */
export interface JobOutputPart {
  jobstate: Jobstate;
  file: DciFile;
  /** Opens the file's content as a stream (one request, made only when called). */
  content(options?: CallOptions): Promise<FileContent>;
}

/**
 * A job's log, dcictl's `job-output`: the files uploaded under each jobstate, jobstates oldest first
 * and files in upload order. Reads the two lists up front (metadata only) and opens no file's
 * content until its part is asked for, so a log of any size is streamed file by file.
 */
export async function* jobOutput(
  context: DciContext,
  jobPath: string,
  options: CallOptions = {},
): AsyncGenerator<JobOutputPart, void, undefined> {
  const listOptions = { sort: 'created_at', pageSize: 200 };
  const jobstates = await listAt<Jobstate>(context, `${jobPath}/jobstates`, 'jobstates', listOptions).toArray(
    {
      signal: options.signal,
    },
  );
  const files = await listAt<DciFile>(context, `${jobPath}/files`, 'files', listOptions).toArray({
    signal: options.signal,
  });
  const contents = new Files(context);
  for (const jobstate of jobstates) {
    for (const file of files.filter((candidate) => candidate.jobstate_id === jobstate.id)) {
      yield { jobstate, file, content: (call = options) => contents.content(file.id, call) };
    }
  }
}
