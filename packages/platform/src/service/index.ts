export {
  createEventBus,
  startWorker,
  type Worker,
  type WorkerDeps,
  type WorkerSpec,
} from './start-worker';
export { runMain } from './run-main';
