import { joinPath } from '@nimbus-sdk/core';
import type { CallOptions, DciContext } from '../context.js';

/** How one test case ended, as the server parses JUnit. */
export type TestcaseAction = 'success' | 'failure' | 'error' | 'skipped';

/** One test case of a job's JUnit uploads (dcictl `job-list-test`). */
export interface JobTestcase {
  /** The JUnit file it comes from. */
  file_id: string;
  filename: string;
  testsuite: string;
  classname: string;
  name: string;
  /** Seconds. */
  time: number;
  action: TestcaseAction;
  /** The failure/error/skipped element's `message` and `type` attributes and text, when there is one. */
  message: string | null;
  type: string | null;
  value: string;
}

interface JunitTestsuite {
  name: string;
  testcases: Omit<JobTestcase, 'file_id' | 'filename' | 'testsuite'>[];
}

/** The test cases of one JUnit file, from `GET /files/<id>/junit`, in file order. */
export async function junitTestcases(
  context: DciContext,
  file: { file_id: string; filename: string },
  options: CallOptions = {},
): Promise<JobTestcase[]> {
  const { data } = await context.transport.send<{ testsuites?: JunitTestsuite[] }>({
    method: 'GET',
    path: joinPath('files', { fileId: file.file_id }, 'junit'),
    signal: options.signal,
  });
  return (data.testsuites ?? []).flatMap((suite) =>
    suite.testcases.map((testcase) => ({
      file_id: file.file_id,
      filename: file.filename,
      testsuite: suite.name,
      classname: testcase.classname,
      name: testcase.name,
      time: testcase.time,
      action: testcase.action,
      message: testcase.message ?? null,
      type: testcase.type ?? null,
      value: testcase.value ?? '',
    })),
  );
}
