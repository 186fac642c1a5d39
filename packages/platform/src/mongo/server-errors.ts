/** A write refused by a unique key (E11000): someone else stored that key first. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/** The server's answer to an index option it does not implement (FerretDB 1.x: TTL). */
export const NOT_IMPLEMENTED = 238;

/** A collection that does not exist (yet). */
export const NAMESPACE_NOT_FOUND = 26;
