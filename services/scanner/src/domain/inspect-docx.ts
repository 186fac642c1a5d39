import { ArchiveError, openZip, type ArchiveLimits } from '@docflow/archive';
import { accepted, errorText, refused, type Inspection } from './rejection';

const BODY = 'word/document.xml';

/**
 * Checks that a Word (DOCX) document opens under the archive limits and that its body, headers and
 * footers inflate within them (bytes counted while inflating, never trusted from the headers).
 */
export async function inspectDocx(bytes: Buffer, limits: ArchiveLimits): Promise<Inspection> {
  try {
    const zip = openZip(bytes, limits);
    if (!zip.has(BODY)) return refused('corrupt', 'Word document has no body (word/document.xml)');
    for (const name of zip.names)
      if (name === BODY || /^word\/(header|footer)\d*\.xml$/.test(name)) await zip.read(name);
    return accepted();
  } catch (err) {
    return archiveRefusal(err, 'Word document');
  }
}

/** An archive problem as a rejection: too_large naming the limit, or corrupt. */
export function archiveRefusal(err: unknown, what: string): Inspection {
  if (!(err instanceof ArchiveError)) throw err;
  const { problem } = err;
  if (problem.kind === 'too_large')
    return refused('too_large', `${what} is too large: ${problem.message}`, {
      limit: problem.setting,
      budget: problem.budget,
      ...(problem.entry === undefined ? {} : { entry: problem.entry }),
    });
  return refused('corrupt', `${what} cannot be opened`, { error: errorText(err) });
}
