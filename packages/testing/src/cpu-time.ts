/**
 * Runs `work` and returns its result with the CPU milliseconds the process spent on it. Bounds on
 * pathological input are asserted in CPU time, not wall time, so they hold on a busy machine (two
 * suites side by side on two cores): a super-linear pass over such input takes minutes of CPU.
 */
export function withCpuTime<T>(work: () => T): { result: T; cpuMs: number } {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}
