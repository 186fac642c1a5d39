import { afterCursor, pageOf } from '../../src/adapters/newest-first-page';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('newest-first pages', () => {
  it('when one row more than the limit was read, then the page ends at the limit and the next starts after its last row', () => {
    const rows = [
      { _id: 'c', createdAt: at(3) },
      { _id: 'b', createdAt: at(2) },
      { _id: 'a', createdAt: at(1) },
    ];

    const page = pageOf(rows, 2);
    const last = pageOf(rows.slice(2), 2);

    expect(page.items.map((r) => r._id)).toEqual(['c', 'b']);
    expect(page.next).toEqual({ createdAt: at(2), id: 'b' });
    expect(last).toEqual({ items: [rows[2]], next: null });
  });

  it('when a cursor is given, then only rows older than it, or as old with a smaller id, are asked for', () => {
    expect(afterCursor(undefined)).toEqual({});
    expect(afterCursor({ createdAt: at(2), id: 'b' })).toEqual({
      $or: [{ createdAt: { $lt: at(2) } }, { createdAt: at(2), _id: { $lt: 'b' } }],
    });
  });
});
