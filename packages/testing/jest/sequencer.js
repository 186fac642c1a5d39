// Order of the suites for jest's workers. Jest puts a suite that failed last time first, then the
// rest by the durations it cached, and without a cache (a fresh clone, CI) by file size, which
// would leave the fault suite (small file, longest run: it waits out server outages) for the end,
// alone on one worker. Without a cached duration, the end-to-end suites go first, the fault suite
// ahead of them, so the long runs overlap the many short ones.
const Sequencer = require('@jest/test-sequencer').default;

const rank = (test) => {
  if (test.duration != null) return 0;
  if (/[\\/]e2e[\\/]test[\\/]integration[\\/]faults\.test\.ts$/.test(test.path)) return 1;
  if (/[\\/]packages[\\/]e2e[\\/]/.test(test.path)) return 2;
  return 3;
};

class SuiteSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const order = new Map(sorted.map((test, index) => [test, index]));
    return [...sorted].sort((a, b) => rank(a) - rank(b) || order.get(a) - order.get(b));
  }
}

module.exports = SuiteSequencer;
