import { jsonDepthExceeds } from './http-conventions';

const depthOver = (json: string, max: number) => jsonDepthExceeds(Buffer.from(json, 'utf8'), max);

describe('jsonDepthExceeds', () => {
  it('counts nested arrays and objects', () => {
    expect(depthOver('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(depthOver('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(depthOver('[]', 1)).toBe(false);
    expect(depthOver('"text"', 0)).toBe(false);
  });

  it('finds the 10,000 levels that overflowed the validation pipe, in a 20 KB body', () => {
    expect(depthOver('['.repeat(10_000) + ']'.repeat(10_000), 32)).toBe(true);
    expect(depthOver('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depthOver(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false);
    expect(depthOver(JSON.stringify({ text: 'say "[[[[" and \\ [[[' }), 1)).toBe(false);
    expect(depthOver(JSON.stringify({ text: 'ünïcødé ✓ [[[' , list: [[1]] }), 3)).toBe(false);
    expect(depthOver(JSON.stringify({ text: 'ünïcødé ✓ [[[' , list: [[[1]]] }), 3)).toBe(true);
  });

  it('resets after siblings close', () => {
    expect(depthOver('[' + '[1],'.repeat(1_000) + '[1]]', 2)).toBe(false);
  });
});
