/** A snapshot of a transfer, sent to `onProgress` whenever a part (or a download chunk) lands. */
export interface TransferProgress {
  readonly direction: 'upload' | 'download';
  readonly bucket: string;
  readonly key: string;
  /** Bytes the object holds so far, including parts a resume found already there. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly partsDone: number;
  readonly partsTotal: number;
  /** Bytes per second moved by this run (resumed bytes excluded), 0 until measurable. */
  readonly bytesPerSecond: number;
  /** Seconds left at the current rate; `undefined` while the rate is unknown. */
  readonly etaSeconds: number | undefined;
  readonly elapsedMs: number;
}

/** Called with each {@link TransferProgress}; exceptions it throws are ignored. */
export type ProgressListener = (progress: TransferProgress) => void;

/**
 * Tracks bytes and parts and derives rate and ETA. The clock is injectable so the arithmetic is
 * testable without waiting.
 */
export class ProgressMeter {
  readonly #base: Pick<TransferProgress, 'direction' | 'bucket' | 'key' | 'bytesTotal' | 'partsTotal'>;
  readonly #listener: ProgressListener | undefined;
  readonly #now: () => number;
  readonly #startedAt: number;
  #bytesDone = 0;
  #bytesMoved = 0;
  #partsDone = 0;

  constructor(
    base: Pick<TransferProgress, 'direction' | 'bucket' | 'key' | 'bytesTotal' | 'partsTotal'>,
    listener: ProgressListener | undefined,
    now: () => number = performance.now.bind(performance),
  ) {
    this.#base = base;
    this.#listener = listener;
    this.#now = now;
    this.#startedAt = now();
  }

  /** Counts bytes already on the server (a resume) without crediting them to this run's rate. */
  skipped(bytes: number, parts = 1): void {
    this.#bytesDone += bytes;
    this.#partsDone += parts;
    this.#emit();
  }

  /** Counts bytes this run moved. */
  moved(bytes: number, parts = 1): void {
    this.#bytesDone += bytes;
    this.#bytesMoved += bytes;
    this.#partsDone += parts;
    this.#emit();
  }

  snapshot(): TransferProgress {
    const elapsedMs = Math.max(0, this.#now() - this.#startedAt);
    const bytesPerSecond = elapsedMs > 0 ? (this.#bytesMoved * 1000) / elapsedMs : 0;
    const left = Math.max(0, this.#base.bytesTotal - this.#bytesDone);
    const etaSeconds = left === 0 ? 0 : bytesPerSecond > 0 ? left / bytesPerSecond : undefined;
    return {
      ...this.#base,
      bytesDone: this.#bytesDone,
      partsDone: this.#partsDone,
      bytesPerSecond,
      etaSeconds,
      elapsedMs,
    };
  }

  #emit(): void {
    if (!this.#listener) return;
    try {
      this.#listener(this.snapshot());
    } catch {
      // A broken progress printer must not fail the transfer it reports on.
    }
  }
}
