import { z } from 'zod';
import { gatewayError } from './errors';

const cursorSchema = z.object({ c: z.iso.datetime(), i: z.string().min(1).max(100) });

/** The position after the last item of a page: its creation time and id (newest first). */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id })).toString(
    'base64url',
  );
}

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw gatewayError('INVALID_CURSOR', 'the cursor is not one this API returned');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success)
    throw gatewayError('INVALID_CURSOR', 'the cursor is not one this API returned');
  return { createdAt: new Date(result.data.c), id: result.data.i };
}
