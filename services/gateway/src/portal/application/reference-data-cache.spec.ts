import { ReferenceDataCache } from './reference-data-cache';

describe('ReferenceDataCache', () => {
  it('loads once within its time, shares a load in flight, and loads again after it', async () => {
    const cache = new ReferenceDataCache();
    let loads = 0;
    const load = async () => ++loads;
    const [first, second] = await Promise.all([cache.get('k', 50, load), cache.get('k', 50, load)]);
    expect([first, second, loads]).toEqual([1, 1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get('k', 50, load)).toBe(2);
  });

  it('keeps no failure: the next request loads again', async () => {
    const cache = new ReferenceDataCache();
    await expect(cache.get('k', 60_000, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', 60_000, async () => 'up')).toBe('up');
  });

  it('keeps the keys apart', async () => {
    const cache = new ReferenceDataCache();
    expect(await cache.get('teacher', 60_000, async () => 'a')).toBe('a');
    expect(await cache.get('school-leader', 60_000, async () => 'b')).toBe('b');
  });
});
