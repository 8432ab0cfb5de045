import { canonicalJson, isValidIdempotencyKey, requestHash } from './request-hash';

describe('request hash of an idempotent request', () => {
  it('does not depend on the order of keys in the body', () => {
    expect(requestHash('POST', '/v1/offers', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestHash('post', '/v1/offers', { b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('differs for another body, path or method', () => {
    const base = requestHash('POST', '/v1/offers', { a: 1 });
    expect(requestHash('POST', '/v1/offers', { a: 2 })).not.toBe(base);
    expect(requestHash('POST', '/v1/runs', { a: 1 })).not.toBe(base);
    expect(requestHash('PUT', '/v1/offers', { a: 1 })).not.toBe(base);
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ z: [1, { y: null, x: true }], a: 'é', u: undefined })).toBe('{"a":"é","z":[1,{"x":true,"y":null}]}');
  });

  it('accepts UUID-like keys and refuses empty, spaced or overlong ones', () => {
    expect(isValidIdempotencyKey('0b6f3c2e-2f1a-4c1e-9d7e-5a0b1c2d3e4f')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('met spatie')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey(['a', 'b'])).toBe(false);
  });
});
