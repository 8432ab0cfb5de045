import { csrfTokenMatches, hashOfSessionId, newSessionId, safeReturnPath, slidExpiry } from './session-rules';

describe('session rules', () => {
  it('keep only a hash of the session id', () => {
    const id = newSessionId();
    expect(hashOfSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOfSessionId(id)).toBe(hashOfSessionId(id));
  });

  it('compare CSRF tokens exactly', () => {
    expect(csrfTokenMatches('abc', 'abc')).toBe(true);
    expect(csrfTokenMatches('abc', 'abd')).toBe(false);
    expect(csrfTokenMatches('abc', 'ab')).toBe(false);
    expect(csrfTokenMatches('abc', undefined)).toBe(false);
  });

  it('slide the idle expiry, never past the absolute end', () => {
    const now = new Date('2030-01-01T10:00:00Z');
    expect(slidExpiry(now, 60, new Date('2030-01-01T20:00:00Z'))).toEqual(new Date('2030-01-01T11:00:00Z'));
    expect(slidExpiry(now, 60, new Date('2030-01-01T10:30:00Z'))).toEqual(new Date('2030-01-01T10:30:00Z'));
  });

  it('return only to a path on the gateway after sign-in', () => {
    expect(safeReturnPath('/portal/offers?x=1')).toBe('/portal/offers?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'evil', '', 42, undefined, '/a b']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
