export { provideServers, parseEnvFile, readInfraEnv, repoRoot, type TestServers } from './servers';
export { freePort } from './free-port';
export { withCpuTime } from './cpu-time';
export { openTcpGate, type TcpGate } from './tcp-gate';
export { startPrivateInfra, type InfraServer, type PrivateInfra } from './private-infra';
export { ManagementClient } from './management';
export { createTestContext, waitFor, type TestContext } from './test-context';
export {
  SERVICE_NAMES,
  startServiceProcesses,
  type ServiceName,
  type ServiceProcesses,
} from './service-processes';
export { documentEvent } from './events';
export {
  EICAR,
  READY_TIMEOUT_MS,
  startPipeline,
  type ApiAnswer,
  type PipelineRun,
} from './pipeline-run';
export { openStageHarness, type StageHarness } from './stage-harness';
