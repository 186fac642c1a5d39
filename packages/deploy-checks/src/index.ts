export * from './repo';
export * from './prometheus-rule';
export * from './metric-names';
export * from './observability-queries';
export * from './prometheus-api';
export * from './prometheus-server';
export * from './expression-check';
export * from './lockfile-check';
