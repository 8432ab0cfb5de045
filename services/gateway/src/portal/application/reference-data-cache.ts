import { Injectable } from '@nestjs/common';

const MAX_ENTRIES = 1_000;

/**
 * Reference data that every user of a role sees alike (the education regions, the published paths' steps, the
 * providers' names): kept for a short while, so a search page does not ask three services for it on every view.
 * Only for answers that do not depend on who asks within a role: the key must say which role set it is for. A load
 * in flight is shared by everyone asking meanwhile; a failed one is not kept.
 */
@Injectable()
export class ReferenceDataCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; until: number }>();

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const found = this.entries.get(key);
    if (found && found.until > now) return found.value as Promise<T>;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const value = load();
    this.entries.set(key, { value, until: now + ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
