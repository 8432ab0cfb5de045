import { isMarkValidAt } from './mark-validity';

describe('a quality mark counts', () => {
  const until = new Date('2030-06-01T00:00:00Z');
  const before = new Date('2030-05-31T23:59:59Z');

  it('until its validity runs out', () => {
    expect(isMarkValidAt({ validUntil: until, endedAt: null }, before)).toBe(true);
    expect(isMarkValidAt({ validUntil: until, endedAt: null }, until)).toBe(false);
  });

  it('not after it ended early (expired or revoked)', () => {
    const ended = new Date('2030-03-01T00:00:00Z');
    expect(isMarkValidAt({ validUntil: until, endedAt: ended }, new Date('2030-02-28T00:00:00Z'))).toBe(true);
    expect(isMarkValidAt({ validUntil: until, endedAt: ended }, ended)).toBe(false);
  });
});
