export { startOpsServer, type OpsServer, type ReadinessCheck } from './http-server';
