/** How long each asynchronous job takes in the emulator, in milliseconds of the emulator clock. */
export interface MachineDelays {
  /** provisioning → running (or failed). Default 300. */
  provisionMs: number;
  /** stopping → stopped. Default 200. */
  stopMs: number;
  /** stopped → running. Default 200. */
  startMs: number;
  /** running → stopping → running. Default 300. */
  rebootMs: number;
  /** → deleted. Default 200. */
  deleteMs: number;
  /** snapshot queued → created. Default 100. */
  snapshotMs: number;
  /** How long a deleted machine answers 410 before it is purged and answers 404. Default 60 000. */
  purgeMs: number;
}

export const DEFAULT_DELAYS: MachineDelays = {
  provisionMs: 300,
  stopMs: 200,
  startMs: 200,
  rebootMs: 300,
  deleteMs: 200,
  snapshotMs: 100,
  purgeMs: 60_000,
};
