import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { HistoryEntryEntity } from '../infrastructure/history-entry.entity';

export const SYSTEM_ACTOR = 'system';

export interface HistoryRecord {
  readonly offerId?: string | null;
  readonly subjectType: 'framework' | 'assessment' | 'mark' | 'assessor-link' | 'offer';
  readonly subjectId: string;
  readonly action: string;
  readonly actor: string;
  readonly reason?: string | null;
  readonly details?: Record<string, unknown>;
  readonly at?: Date;
}

/** Writes a history entry in the caller's transaction, so the change and its record commit together. */
export async function recordHistory(manager: EntityManager, record: HistoryRecord): Promise<void> {
  await manager.insert(
    HistoryEntryEntity,
    manager.create(HistoryEntryEntity, {
    id: randomUUID(),
    offerId: record.offerId ?? null,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    action: record.action,
    actor: record.actor,
    reason: record.reason ?? null,
    details: record.details ?? {},
    recordedAt: record.at ?? new Date(),
    }),
  );
}
