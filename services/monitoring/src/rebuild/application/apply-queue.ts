/**
 * Applies a rebuild's batches off the consumer's fetch loop. kafkajs fetches, hands the batches of one fetch to its
 * workers and fetches again only once every batch is handled; a handler that applied its batch itself would leave the
 * database idle during each fetch and the consumer idle during each batch's transaction. Handed over to this queue,
 * a batch is applied while the next fetch is read and decoded.
 *
 * The batches of one partition are applied in their order, one at a time; batches of different partitions side by
 * side. `add` waits while `limit` batches are queued or being applied, so memory stays bounded and the fetch loop
 * slows down to the database's pace.
 */
export class ApplyQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private queued = 0;

  constructor(
    private readonly limit: number,
    /** A batch whose application failed for good (the rebuild stops on it). */
    private readonly failed: (error: Error) => void,
  ) {}

  /** Queues `work` behind the earlier work of its partition; resolves once queued, not once done. */
  async add(partition: string, work: () => Promise<void>): Promise<void> {
    while (this.queued >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.queued += 1;
    const done: Promise<void> = (this.tails.get(partition) ?? Promise.resolve())
      .then(work)
      .catch((error: Error) => this.failed(error))
      .finally(() => {
        this.queued -= 1;
        this.waiting.shift()?.();
        if (this.tails.get(partition) === done) this.tails.delete(partition);
      });
    this.tails.set(partition, done);
  }

  /** Resolves once every batch queued so far is applied (or failed). */
  async drained(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
