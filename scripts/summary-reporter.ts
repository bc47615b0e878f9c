import { appendFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Prints a plain closing block after vitest's own summary: `tests: N passed, N failed, N skipped`,
 * then one line per failed test, per test that passed only on a retry (CI retries once) and per
 * error outside a test. CI logs are often seen only by their
 * tail, and `pnpm test` runs the suite on three Node versions: without this, a failure in the first
 * or second run scrolls out of view behind the later runs' green output.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    let passed = 0;
    let skipped = 0;
    const failures: string[] = [];
    const flaky: string[] = [];
    for (const module of testModules) {
      if (module.state() === 'failed' && module.errors().length > 0) {
        for (const error of module.errors())
          failures.push(`${relative(module.moduleId)}: ${firstLine(error.message)}`);
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') {
          passed++;
          const diagnostic = test.diagnostic();
          if (diagnostic?.flaky) {
            flaky.push(
              `${relative(module.moduleId)} > ${test.fullName} (passed on retry ${diagnostic.retryCount}; first: ${firstLine(result.errors?.[0]?.message ?? '?')})`,
            );
          }
        } else if (result.state === 'failed') {
          const message = result.errors?.[0]?.message ?? 'failed';
          failures.push(`${relative(module.moduleId)} > ${test.fullName}: ${firstLine(message)}`);
        } else skipped++;
      }
    }
    const failed = failures.length;
    const lines = [`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`];
    for (const failure of failures) lines.push(`  FAILED ${failure}`);
    for (const test of flaky) lines.push(`  FLAKY ${test}`);
    for (const error of unhandledErrors) lines.push(`  ERROR outside a test: ${firstLine(error.message)}`);
    if (reason === 'interrupted') lines.push('  run interrupted');
    process.stdout.write(`${lines.join('\n')}\n`);
    const file = process.env.NIMBUS_TEST_FAILURES_FILE;
    if (file && lines.length > 1) {
      // The multi-version runner reads this back to repeat the failures in its final summary.
      appendFileSync(file, `${lines.slice(1).join('\n')}\n`);
    }
  }
}

function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '' && l.trim() !== '{') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function relative(path: string): string {
  const cwd = `${process.cwd()}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}
