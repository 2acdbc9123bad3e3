/**
 * Group commit: while one transaction is in flight, the jobs that arrive wait
 * and then go together in the next one. A lone job starts on the next turn of
 * the event loop (so jobs of the same tick join it), never later: under light
 * load nothing waits, under a burst one transaction carries many jobs.
 *
 * `run` settles every job of its batch itself; if it throws, the jobs it left
 * unsettled are failed with its error, so no caller waits forever.
 */
export class GroupCommit<J extends { settled?: boolean; fail(e: unknown): void }> {
  private queue: J[] = [];
  private running = false;

  constructor(
    private readonly run: (batch: J[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  push(job: J) {
    this.queue.push(job);
    if (this.running) return;
    this.running = true;
    setImmediate(() => void this.drain());
  }

  /** Jobs waiting for the next transaction (for tests and metrics). */
  get waiting() {
    return this.queue.length;
  }

  private async drain() {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.run(batch);
        } catch (e) {
          for (const j of batch) if (!j.settled) j.fail(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
