import { describe, expectTypeOf, it } from 'vitest';
import type { Machine, MachineState, MachineWaitResult, SmartdcClient } from '../src/index.js';

// Checked by the type-check in `pnpm lint`: a wait that cannot end in deletion resolves with a Machine,
// so callers read `.state`, `.ips` and friends without narrowing a union first. The calls are only
// type-checked, never run.
function resultTypes(client: SmartdcClient, states: MachineState[]): void {
  expectTypeOf(client.waitForMachineState('m', ['running'])).resolves.toEqualTypeOf<Machine>();
  expectTypeOf(client.waitForMachineState('m', ['running', 'stopped'])).resolves.toEqualTypeOf<Machine>();
  expectTypeOf(client.waitForMachineState('m', 'stopped')).resolves.toEqualTypeOf<Machine>();
  expectTypeOf(client.pollUntil('m', 'running')).resolves.toEqualTypeOf<Machine>();
  expectTypeOf(
    client.waitForMachineState('m', ['running', 'deleted']),
  ).resolves.toEqualTypeOf<MachineWaitResult>();
  expectTypeOf(client.waitForMachineState('m', states)).resolves.toEqualTypeOf<MachineWaitResult>();
}

describe('machine wait result types', () => {
  it('are Machine unless deletion is a target state (type-checked)', () => {
    expectTypeOf(resultTypes).toBeFunction();
  });
});
