import { readFileSync } from 'node:fs';
import { BSON, type Document } from 'mongodb';

/** The unit of work a command belongs to: one consumed message, or one HTTP request. */
export interface TraceStep {
  /** Unique within one process. */
  id: number;
  /** The consumer (scanner, ocr, classifier, publisher, tracker) or `http`. */
  lane: string;
  /** The event type consumed (consumer steps). */
  event?: string;
  documentId?: string;
}

/** One command as the driver sent it, with its outcome. */
export interface TracedCommand {
  /** The service replica that sent it (`gateway-1`, `scanner-2`, …). */
  process: string;
  requestId: number;
  name: string;
  command: Document;
  /** Epoch milliseconds (fractional). */
  startedAt: number;
  endedAt: number;
  step?: TraceStep;
  /** The cursor the reply left open (find, aggregate, getMore). */
  cursor?: string;
  /** Server error code (a failed command, or the first write error of a write). */
  code?: number;
  /** What the reply counted: documents matched (update, delete) or returned (find's first batch). */
  n?: number;
}

/**
 * The count a command's reply carries: `n` of a write (documents inserted, matched or deleted),
 * the length of a cursor's first or next batch. A replay that gets another count than the trace
 * did found the store in another state.
 */
export function replyCount(reply: unknown): number | undefined {
  const r = reply as { n?: unknown; cursor?: { firstBatch?: unknown; nextBatch?: unknown } };
  if (typeof r.n === 'number') return r.n;
  const batch = r.cursor?.firstBatch ?? r.cursor?.nextBatch;
  return Array.isArray(batch) ? batch.length : undefined;
}

/** Reads the records `command-trace-hook` wrote for one process, commands in start order. */
export function readTrace(file: string, process: string): TracedCommand[] {
  const buffer = readFileSync(file);
  const started = new Map<number, TracedCommand>();
  const commands: TracedCommand[] = [];
  for (let offset = 0; offset < buffer.length;) {
    const size = buffer.readInt32LE(offset);
    const record = BSON.deserialize(buffer.subarray(offset, offset + size), {
      promoteLongs: false,
    });
    offset += size;
    if (record.k === 's') {
      const command: TracedCommand = {
        process,
        requestId: record.rid as number,
        name: record.name as string,
        command: record.cmd as Document,
        startedAt: record.t as number,
        endedAt: record.t as number,
        ...(record.step ? { step: record.step as TraceStep } : {}),
      };
      started.set(command.requestId, command);
      commands.push(command);
    } else {
      const command = started.get(record.rid as number);
      if (!command) continue;
      command.endedAt = record.t as number;
      if (record.cursor) command.cursor = record.cursor as string;
      if (record.code !== undefined) command.code = record.code as number;
      if (record.n !== undefined) command.n = record.n as number;
    }
  }
  return commands;
}

/** The collection a command works on (`blobs.chunks` for GridFS), or `-` for server commands. */
export function collectionOf(command: TracedCommand): string {
  const target = command.command[command.name];
  if (typeof target === 'string') return target;
  if (command.name === 'getMore' && typeof command.command.collection === 'string')
    return command.command.collection;
  return '-';
}
