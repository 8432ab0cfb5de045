import { suppressSplit } from './suppression';

const split = (counts: Record<string, number>) => Object.entries(counts).map(([key, teachers]) => ({ key, teachers }));
const shown = (result: ReturnType<typeof suppressSplit>) => Object.fromEntries(result.cells.map((cell) => [cell.key, cell.suppressed ?? cell.teachers]));

describe('small-cell suppression', () => {
  it('shows every cell of 5 or more, and zeros', () => {
    expect(shown(suppressSplit(split({ po: 12, vo: 5, mbo: 0 })))).toEqual({ po: 12, vo: 5, mbo: 0 });
  });

  it('hides a cell of 1 to 4 teachers, and the smallest other cell so the total does not give it away', () => {
    const result = suppressSplit(split({ po: 40, vo: 3, mbo: 9 }));
    expect(shown(result)).toEqual({ po: 40, vo: 'small', mbo: 'complement' });
    expect(result.total).toBe(52);
    expect(result.cells.find((cell) => cell.key === 'vo')!.teachers).toBeNull();
  });

  it('hides more cells until the hidden ones hold at least 5 teachers together', () => {
    expect(shown(suppressSplit(split({ a: 1, b: 2, c: 50, d: 60 })))).toEqual({ a: 'small', b: 'small', c: 'complement', d: 60 });
  });

  it('prefers a non-zero complement over a zero, which hides nobody', () => {
    expect(shown(suppressSplit(split({ a: 4, b: 0, c: 7, d: 30 })))).toEqual({ a: 'small', b: 0, c: 'complement', d: 30 });
  });

  it('hides the total and every cell when the total itself is 1 to 4', () => {
    const result = suppressSplit(split({ po: 2, vo: 1 }));
    expect(result).toMatchObject({ total: null, totalSuppressed: 'small' });
    expect(result.cells.every((cell) => cell.teachers === null)).toBe(true);
  });

  it('leaves an empty split alone', () => {
    expect(suppressSplit([])).toEqual({ total: 0, totalSuppressed: null, cells: [] });
  });

  it('takes the total as given, when the split does not cover every teacher', () => {
    expect(shown(suppressSplit(split({ onbekend: 2, po: 20 }), 22))).toEqual({ onbekend: 'small', po: 'complement' });
  });
});
