import { isKvkNumber, normaliseKvkNumber } from './kvk-number';

describe('KvK number', () => {
  it('is exactly eight digits', () => {
    expect(isKvkNumber('01131140')).toBe(true);
    expect(isKvkNumber('1131140')).toBe(false);
    expect(isKvkNumber('011311401')).toBe(false);
    expect(isKvkNumber('0113114a')).toBe(false);
  });

  it('drops spaces and dots people write in it', () => {
    expect(normaliseKvkNumber('01 13 11 40')).toBe('01131140');
    expect(normaliseKvkNumber('0113.1140')).toBe('01131140');
  });
});
