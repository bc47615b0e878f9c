import { SandboxCommand } from '../../sandbox/sandbox-command.js';
import { isProcessAlive, readSandboxState } from '../../sandbox/sandbox-state.js';
import { sandboxSummary } from '../../sandbox/sandbox-summary.js';

export default class SandboxStatus extends SandboxCommand<typeof SandboxStatus> {
  static override summary = 'Show whether a sandbox runs, and what runs where';

  async run(): Promise<void> {
    const state = await readSandboxState(this.paths.stateFile);
    const running = state !== undefined && isProcessAlive(state.pid);
    if (this.jsonOutput) {
      this.printResult(running ? { running, ...state } : { running: false });
      return;
    }
    if (!running) {
      process.stdout.write('No sandbox running (start one with `nimbus sandbox up --detach`)\n');
      return;
    }
    process.stdout.write(
      state.status === 'ready' ? sandboxSummary(state) : `Sandbox starting (pid ${state.pid})\n`,
    );
  }
}
