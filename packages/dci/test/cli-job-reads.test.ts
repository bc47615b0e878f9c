import { describe, expect, it } from 'vitest';
import { createDciClient, type DciClient } from '../src/index.js';
import { useDciCli } from './dci-cli-fixture.js';
import { junitXml } from './junit-sample.js';

// dcictl's job-output, job-results and job-list-test as `nimbus dci job output|results|list-test`.
const fixture = useDciCli('remoteci');
const dci = fixture.dci;

function remoteci(): DciClient {
  const { url, seed } = fixture.emulator;
  return createDciClient({
    url,
    auth: { type: 'signature', clientId: seed.remoteci.clientId, apiSecret: seed.remoteci.apiSecret },
  });
}

async function jobWithLogs(): Promise<string> {
  const client = remoteci();
  const { seed } = fixture.emulator;
  const job = await client.jobs.create({ components: [seed.component], topic_id: seed.topic });
  const preRun = await client.jobstates.create({ job_id: job.id, status: 'pre-run' });
  await client.files.upload({ jobstateId: preRun.id, name: 'pull.log', source: { bytes: 'pulled\n' } });
  const running = await client.jobstates.create({ job_id: job.id, status: 'running' });
  await client.files.upload({ jobstateId: running.id, name: 'deploy.log', source: { bytes: 'deployed\n' } });
  await client.files.upload({
    jobId: job.id,
    name: 'junit.xml',
    mime: 'application/junit',
    source: { bytes: junitXml },
  });
  return job.id;
}

describe('nimbus dci job output', () => {
  it("prints the jobstates' files in order, each under its status", async () => {
    const job = await jobWithLogs();
    const run = await dci(['job', 'output', job]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('[pre-run] pull.log\npulled\n[running] deploy.log\ndeployed\n');
    const dashed = await dci(['job-output', job]);
    expect(dashed.stdout).toBe(run.stdout);
  });

  it('gives each part with its content as JSON', async () => {
    const job = await jobWithLogs();
    const run = await dci(['job', 'output', job, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const parts = JSON.parse(run.stdout) as { status: string; name: string; content: string }[];
    expect(parts.map(({ status, name, content }) => [status, name, content])).toEqual([
      ['pre-run', 'pull.log', 'pulled\n'],
      ['running', 'deploy.log', 'deployed\n'],
    ]);
  });

  it('exits 4 for a job that does not exist', async () => {
    const run = await dci(['job', 'output', '00000000-0000-4000-8000-000000000000']);
    expect(run.code).toBe(4);
  });
});

describe('nimbus dci job results and list-test', () => {
  it('lists the counts of each JUnit file', async () => {
    const job = await jobWithLogs();
    const run = await dci(['job-results', job, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(result).toMatchObject({ filename: 'junit.xml', total: 3, success: 1, failures: 1, skips: 1 });
    const csv = await dci(['job', 'results', job, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('filename,name,total,success,failures,errors,skips,time');
  });

  it('lists each test case with its outcome', async () => {
    const job = await jobWithLogs();
    const run = await dci(['job', 'list-test', job, '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'testsuite,classname,name,action,time,message\n' +
        'smoke,boot,kernel,success,1.5,\n' +
        'smoke,boot,network,failure,0.5,no route\n' +
        'smoke,boot,gpu,skipped,0,no gpu\n',
    );
    expect((await dci(['job-list-test', job, '--format', 'csv'])).stdout).toBe(run.stdout);
  });
});
