/** Messages between a budget runner and its worker threads (structured clones). */

/** A value a task names (`model`), kept by the worker under `key` between tasks. */
export interface SharedEntry {
  key: string;
  /** Whether `value` is in this message: it is sent only to a worker not holding `key` yet. */
  included: boolean;
  value?: unknown;
}

export interface TaskMessage {
  id: number;
  module: string;
  fn: string;
  input: unknown;
  shared: Record<string, SharedEntry>;
  /** Keys the worker may forget (the runner no longer counts on them). */
  drop: string[];
}

export interface SerialisedError {
  name: string;
  message: string;
  code?: string;
  transient?: boolean;
  /** A DocflowError's details (structured-cloneable data). */
  details?: Record<string, unknown>;
  stack?: string;
}

export type WorkerMessage =
  /** The module is loaded and the shared values are in place: the budget starts now. */
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; output: unknown }
  | { id: number; type: 'failed'; error: SerialisedError };
