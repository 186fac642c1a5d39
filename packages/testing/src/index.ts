export { provideServers, parseEnvFile, repoRoot, type TestServers } from './servers';
export { ManagementClient } from './management';
export { createTestContext, waitFor, type TestContext } from './test-context';
