export { runtimeErrorCodes, type RuntimeErrorCode } from './codes';
export {
  DocflowError,
  runtimeError,
  transientError,
  permanentError,
  type DocflowErrorOptions,
} from './docflow-error';
export { classifyError, type ErrorSummary } from './classify';
