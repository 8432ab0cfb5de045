import { decodeCursor, encodeCursor, InvalidCursorError, pageOf } from './paging';

describe('keyset paging', () => {
  it('gives the next cursor and hasMore from the extra row, and none on the last page', () => {
    const rows = [1, 2, 3, 4].map((n) => ({ n }));
    const page = pageOf(rows, 3, (row) => [row.n]);
    expect(page).toMatchObject({ items: rows.slice(0, 3), limit: 3, hasMore: true });
    expect(decodeCursor(page.nextCursor!, ['integer'])).toEqual([3]);
    expect(pageOf(rows.slice(0, 3), 3, (row) => [row.n])).toEqual({ items: rows.slice(0, 3), limit: 3, nextCursor: null, hasMore: false });
  });

  it('reads back what it wrote, part by part', () => {
    const key = ['2027-01-20T10:00:00.123Z', '0f0e23a6-8239-45c9-b371-aae13727b60a', 42, '2027-02-01'];
    expect(decodeCursor(encodeCursor(key), ['timestamp', 'uuid', 'integer', 'date'])).toEqual(key);
    expect(decodeCursor(undefined, ['uuid'])).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['too few parts', encodeCursor(['2027-01-20T10:00:00.123Z'])],
    ['a time that is not one', encodeCursor(['2027-02-30T10:00:00.000Z', '0f0e23a6-8239-45c9-b371-aae13727b60a'])],
    ['no UUID', encodeCursor(['2027-01-20T10:00:00.123Z', "x' OR 1=1"])],
    ['an object', encodeCursor([{ $gt: '' } as never, '0f0e23a6-8239-45c9-b371-aae13727b60a'])],
  ])('refuses a cursor with %s (a 400, never a database error)', (_what, cursor) => {
    expect(() => decodeCursor(cursor, ['timestamp', 'uuid'])).toThrow(InvalidCursorError);
  });
});
