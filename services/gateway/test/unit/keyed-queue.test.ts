import { createKeyedQueue } from '../../src/handlers/tracker';

describe('keyed queue (the tracker runs one document at a time)', () => {
  it('when work for one key overlaps, then it runs in arrival order, one at a time, and a failure does not stop the next', async () => {
    const oneAtATime = createKeyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(`${name} failed`);
        return name;
      };
    const results = await Promise.allSettled([
      oneAtATime('doc-1', step('a', 15)),
      oneAtATime('doc-1', step('b', 5, true)),
      oneAtATime('doc-1', step('c', 1)),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'a',
      'Error: b failed',
      'c',
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
  });

  it('when work is for different keys, then it runs at the same time', async () => {
    const oneAtATime = createKeyedQueue();
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(['doc-1', 'doc-2', 'doc-3'].map((key) => oneAtATime(key, work)));
    expect(most).toBe(3);
  });
});
