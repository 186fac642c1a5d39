/** The file's own name: no directories, no control characters, at most 255 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (base || 'upload').slice(0, 255);
}
