// What scripts (the demo, benches) use of the command line: the gateway client, live progress
// and the results table. The `docflow` command itself is `main.ts`.
export {
  createGatewayClient,
  type Accepted,
  type BatchView,
  type DeadLetter,
  type DocumentView,
  type GatewayClient,
  type GatewayClientOptions,
  type UploadFile,
} from './gateway-client';
export { followProgress, type FollowOptions, type FollowTarget } from './follow-progress';
export {
  createProgressReporter,
  type Progress,
  type ProgressOutput,
  type ProgressReporter,
} from './progress-bar';
export { batchSummary, resultsTable } from './results-table';
