import type { Cursor } from '../domain/cursor';

/** A page of a list read newest first: at most `limit` items, after `after` when given. */
export interface PageRequest {
  limit: number;
  after?: Cursor;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last page. */
  next: Cursor | null;
}

/** Newest first, the id breaking ties: the order a cursor's position is taken in. */
export const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

/** The filter of what comes after a cursor in NEWEST_FIRST order (nothing to add without one). */
export function afterCursor(after: Cursor | undefined): Record<string, unknown> {
  if (!after) return {};
  return {
    $or: [
      { createdAt: { $lt: after.createdAt } },
      { createdAt: after.createdAt, _id: { $lt: after.id } },
    ],
  };
}

/** A page from rows read with one more than `limit`: that extra row tells a next page exists. */
export function pageOf<T extends { _id: string; createdAt?: Date }>(
  rows: T[],
  limit: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next:
      rows.length > limit && last?.createdAt ? { createdAt: last.createdAt, id: last._id } : null,
  };
}
