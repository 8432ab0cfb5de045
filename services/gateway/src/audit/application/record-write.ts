import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../../callers/application/caller';
import { routeOf } from '../../routing/domain/service-routes';
import { AuditEntryEntity } from '../infrastructure/audit-entry.entity';

export interface FinishedWrite {
  readonly caller?: Caller;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId: string;
  readonly durationMs: number;
}

/**
 * Appends one write to the audit log, after its answer went out. A gateway that stops first waits for the rows still
 * being written (before its database connections close), so a rolling restart loses none.
 */
@Injectable()
export class RecordWrite implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  execute(write: FinishedWrite): Promise<void> {
    const stored = this.store(write).finally(() => this.pending.delete(stored));
    this.pending.add(stored);
    return stored;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async store(write: FinishedWrite): Promise<void> {
    const principal = write.caller?.principal;
    try {
      await this.dataSource.getRepository(AuditEntryEntity).insert({
        at: new Date(),
        actorSubject: principal?.subject ?? null,
        actorRoles: principal ? [...principal.roles] : [],
        providerId: principal?.providerId ?? null,
        via: write.caller?.via ?? null,
        apiTokenId: write.caller?.tokenId ?? null,
        method: write.method,
        path: write.path,
        service: routeOf(write.path)?.service ?? null,
        status: write.status,
        requestId: write.requestId,
        durationMs: Math.round(write.durationMs),
      });
    } catch (error) {
      // The answer is out; a lost audit row must at least leave a trace in the log, with the request id.
      this.logger.error(`audit entry of ${write.method} ${write.path} (request ${write.requestId}) not stored: ${(error as Error).message}`);
    }
  }
}
