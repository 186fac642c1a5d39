export { parseConfig, ConfigError, env } from './parse-config';
export { runtimeConfigSchema, type RuntimeConfig } from './runtime-config';
export { isLoopbackHost, weakSecretReason, weakUrlPasswordReason } from './secrets';
