export { createBreaker, type BreakerOptions } from './create-breaker';
export {
  BREAKER_BOARD_COLLECTION,
  BREAKER_REFRESH_MS,
  BREAKER_STALE_MS,
  createBreakerBoard,
  readBreakerBoard,
  type BreakerBoard,
  type BreakerReport,
  type BreakerState,
} from './breaker-board';
