import { SandboxCommand } from '../../sandbox/sandbox-command.js';
import { stopSandbox } from '../../sandbox/stop-sandbox.js';

export default class SandboxDown extends SandboxCommand<typeof SandboxDown> {
  static override summary = 'Stop the background sandbox and everything it started';

  async run(): Promise<void> {
    // RGW shuts down its mon and OSD on the way out, which takes a few seconds on a busy machine.
    const outcome = await stopSandbox(this.paths.stateFile, 60_000);
    if (this.jsonOutput) {
      this.printResult(outcome);
      return;
    }
    if (!outcome.stopped) process.stdout.write('No sandbox running\n');
    else if (outcome.killed)
      process.stdout.write(`Sandbox (pid ${outcome.pid}) did not stop in time and was killed\n`);
    else process.stdout.write(`Sandbox (pid ${outcome.pid}) stopped\n`);
  }
}
