import { createHash } from 'node:crypto';
import { gatewayError } from './errors';
import type { IncomingPart } from './intake';
import { cleanFilename } from './filename';
import { asMultipartError } from './multipart-errors';

/**
 * What makes two uploads the same request: each file's (cleaned) name and content, in order, and
 * the metadata text. An Idempotency-Key answers its first response only to the same request.
 */
export function uploadFingerprint(
  files: readonly { filename: string; sha256: string }[],
  metadata: string | undefined,
): string {
  return createHash('sha256')
    .update(JSON.stringify({ files: files.map((f) => [f.filename, f.sha256]), metadata }))
    .digest('hex');
}

/**
 * The fingerprint of an upload read from its body without storing anything: how a repeated
 * Idempotency-Key is checked against the request that first used it.
 */
export async function readUploadFingerprint(
  parts: AsyncIterable<IncomingPart>,
  maxBytes: number,
): Promise<string> {
  const files: { filename: string; sha256: string }[] = [];
  let metadata: string | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'metadata' && typeof part.value === 'string') metadata = part.value;
        continue;
      }
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of part.file) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          part.file.destroy();
          throw gatewayError('FILE_TOO_LARGE', `a file is larger than ${maxBytes} bytes`);
        }
        hash.update(chunk as Buffer);
      }
      files.push({ filename: cleanFilename(part.filename), sha256: hash.digest('hex') });
    }
  } catch (err) {
    throw asMultipartError(err);
  }
  return uploadFingerprint(files, metadata);
}
