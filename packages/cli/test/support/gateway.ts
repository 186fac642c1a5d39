// The command line's integration tests talk to a real gateway, in this process on a free port,
// started by the gateway's own test harness (one way to start a test gateway).
export {
  ADMIN_KEY,
  startHarness,
  stageEvent,
  type Harness,
} from '../../../../services/gateway/test/support/harness';
