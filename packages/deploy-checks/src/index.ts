export * from './repo';
export * from './prometheus-rule';
export * from './metric-names';
