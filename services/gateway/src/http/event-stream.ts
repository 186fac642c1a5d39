import type { ServerResponse } from 'node:http';

/** Why a stream was closed by the gateway rather than by its client. */
export type DropReason = 'slow_consumer';

export interface EventStream {
  /** Queues one SSE frame; false once the stream is closed (the frame is not sent). */
  send(frame: string): boolean;
  /** Ends the stream (idempotent). */
  end(): void;
}

/** How long a dropped stream's last frame may take to leave before its socket is destroyed. */
const DROP_GRACE_MS = 1_000;

/**
 * An SSE response that does not buffer without bound: when a frame is written while the socket
 * is not draining (`write` answered false) and more than `maxBufferBytes` wait to be sent, the
 * client is not keeping up. It gets a last `event: error` frame saying so, the stream ends, and
 * its socket is destroyed if even that frame does not leave within a second; `onDrop` is told.
 * A client that reconnects gets a fresh snapshot, so nothing it missed is lost for good.
 */
export function openEventStream(
  raw: ServerResponse,
  options: { maxBufferBytes: number; onDrop: (reason: DropReason) => void },
): EventStream {
  let closed = false;
  const end = (): void => {
    if (closed) return;
    closed = true;
    if (!raw.writableEnded) raw.end();
  };
  const drop = (reason: DropReason): void => {
    closed = true;
    const message = `the client read events slower than they came; more than ${options.maxBufferBytes} bytes were waiting (SSE_MAX_BUFFER_BYTES)`;
    raw.end(`event: error\ndata: ${JSON.stringify({ reason, message })}\n\n`);
    const timer = setTimeout(() => raw.destroy(), DROP_GRACE_MS);
    timer.unref();
    raw.once('close', () => clearTimeout(timer));
    options.onDrop(reason);
  };
  return {
    send(frame) {
      if (closed || raw.writableEnded || raw.destroyed) return false;
      const drained = raw.write(frame);
      if (!drained && raw.writableLength > options.maxBufferBytes) {
        drop('slow_consumer');
        return false;
      }
      return true;
    },
    end,
  };
}
