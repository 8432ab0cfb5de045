import { ApplyQueue } from './apply-queue';

/** A piece of work that finishes when the test says so, and records when it started and ended. */
function gatedWork(log: string[], name: string): { work: () => Promise<void>; finish: () => void } {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish,
    work: async () => {
      log.push(`start ${name}`);
      await gate;
      log.push(`end ${name}`);
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ApplyQueue', () => {
  it('applies the batches of one partition in order, one at a time, and those of different partitions side by side', async () => {
    const log: string[] = [];
    const queue = new ApplyQueue(10, (error) => log.push(`failed ${error.message}`));
    const a1 = gatedWork(log, 'a1');
    const a2 = gatedWork(log, 'a2');
    const b1 = gatedWork(log, 'b1');
    await queue.add('a', a1.work);
    await queue.add('a', a2.work);
    await queue.add('b', b1.work);
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);

    a2.finish(); // a2 may not run before a1 has ended, even when it could end at once
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);

    a1.finish();
    b1.finish();
    await queue.drained();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'end b1', 'start a2', 'end a2']);
  });

  it('makes add wait while the limit of queued batches is reached', async () => {
    const log: string[] = [];
    const queue = new ApplyQueue(2, (error) => log.push(`failed ${error.message}`));
    const first = gatedWork(log, '1');
    const second = gatedWork(log, '2');
    await queue.add('a', first.work);
    await queue.add('b', second.work);
    let thirdQueued = false;
    const third = queue.add('c', async () => void log.push('3')).then(() => (thirdQueued = true));
    await settle();
    expect(thirdQueued).toBe(false);

    first.finish();
    await third;
    expect(thirdQueued).toBe(true);
    second.finish();
    await queue.drained();
    expect(log).toEqual(['start 1', 'start 2', 'end 1', '3', 'end 2']);
  });

  it('reports a failed batch and goes on with the next one of its partition', async () => {
    const failures: string[] = [];
    const queue = new ApplyQueue(4, (error) => failures.push(error.message));
    const applied: string[] = [];
    await queue.add('a', () => Promise.reject(new Error('kapot')));
    await queue.add('a', async () => void applied.push('next'));
    await queue.drained();
    expect(failures).toEqual(['kapot']);
    expect(applied).toEqual(['next']);
  });
});
