import { describe, expect, it } from 'vitest';
import { useDciCli } from './dci-cli-fixture.js';

// Lifecycle commands print the job as the server now has it, so the ETag they print is the one the
// next `job update --etag` needs (it was the job's ETag from before the status change).
const fixture = useDciCli('remoteci');
const dci = fixture.dci;

describe('job start / finish print fresh ETags', () => {
  it('an update with the ETag printed by job start, then by job finish, succeeds', async () => {
    const started = await dci([
      'job',
      'start',
      '--topic-id',
      fixture.emulator.seed.topic,
      '--components',
      fixture.emulator.seed.component,
      '--json',
    ]);
    expect(started.code, started.stderr).toBe(0);
    const job = JSON.parse(started.stdout) as { id: string; etag: string; status: string };
    expect(job.status).toBe('running');
    const updated = await dci(['job', 'update', job.id, '--etag', job.etag, '--comment', 'a', '--json']);
    expect(updated.code, updated.stderr).toBe(0);

    const finished = await dci(['job', 'finish', job.id, '--status', 'success', '--json']);
    expect(finished.code, finished.stderr).toBe(0);
    const done = JSON.parse(finished.stdout) as { etag: string; status: string };
    expect(done.status).toBe('success');
    const again = await dci(['job', 'update', job.id, '--etag', done.etag, '--comment', 'b', '--json']);
    expect(again.code, again.stderr).toBe(0);
  });
});
