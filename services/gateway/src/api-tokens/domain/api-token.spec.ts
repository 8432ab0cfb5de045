import { endAfterRotation, expiryOf, isUsable, permissionFor } from './api-token';
import { hashOfToken, hintOf, isWellFormedToken, newTokenSecret } from './token-secret';

describe('API tokens', () => {
  const now = new Date('2030-03-01T12:00:00Z');

  it('work until they expire or are revoked', () => {
    const expiresAt = expiryOf(now, 90);
    expect(isUsable({ expiresAt, revokedAt: null }, now)).toBe(true);
    expect(isUsable({ expiresAt, revokedAt: null }, expiresAt)).toBe(false);
    expect(isUsable({ expiresAt, revokedAt: now }, now)).toBe(false);
  });

  it('end after a rotation when the overlap ends, but never later than they would have', () => {
    const later = { expiresAt: expiryOf(now, 90), revokedAt: null };
    expect(endAfterRotation(later, now, 24)).toEqual(new Date('2030-03-02T12:00:00Z'));
    const soon = { expiresAt: new Date('2030-03-01T13:00:00Z'), revokedAt: null };
    expect(endAfterRotation(soon, now, 24)).toEqual(soon.expiresAt);
  });

  it('need the read permission for GET and HEAD, the write permission for everything else', () => {
    expect(permissionFor('catalogue', 'GET')).toBe('catalogue:read');
    expect(permissionFor('catalogue', 'HEAD')).toBe('catalogue:read');
    expect(permissionFor('enrolments', 'POST')).toBe('enrolments:write');
    expect(permissionFor('enrolments', 'PATCH')).toBe('enrolments:write');
  });

  it('have a random secret with a recognisable prefix, of which only a hash and a hint are kept', () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(hashOfToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOfToken(a)).not.toContain(a.slice(9));
    expect(hintOf(a)).toBe(`${a.slice(0, 13)}…`);
  });
});
