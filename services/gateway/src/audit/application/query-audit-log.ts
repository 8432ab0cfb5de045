import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, limitOf, pageOf, type Page, type PageQuery } from '@napl/service-kit';
import { AuditEntryEntity } from '../infrastructure/audit-entry.entity';

export interface AuditLogFilter extends PageQuery {
  readonly actor?: string;
  readonly service?: string;
  readonly requestId?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AuditEntryView {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly roles: string[];
  readonly providerId: string | null;
  readonly via: string | null;
  readonly apiTokenId: string | null;
  readonly method: string;
  readonly path: string;
  readonly service: string | null;
  readonly status: number;
  readonly requestId: string;
  readonly durationMs: number;
}

/** The audit log, newest first, for the ministry and admins; filtered by actor, service, request id or period. */
@Injectable()
export class QueryAuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async execute(filter: AuditLogFilter): Promise<Page<AuditEntryView>> {
    const limit = limitOf(filter);
    const after = decodeCursor(filter.cursor, ['timestamp', 'integer']);
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').where('true');
    if (filter.actor) builder.andWhere('a.actor_subject = :actor', { actor: filter.actor });
    if (filter.service) builder.andWhere('a.service = :service', { service: filter.service });
    if (filter.requestId) builder.andWhere('a.request_id = :requestId', { requestId: filter.requestId });
    if (filter.from) builder.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) builder.andWhere('a.at < :to', { to: filter.to });
    if (after) builder.andWhere('(a.at, a.entry_id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await builder.orderBy('a.at', 'DESC').addOrderBy('a.entry_id', 'DESC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (row) => [row.at.toISOString(), Number(row.entryId)], viewOf);
  }
}

function viewOf(row: AuditEntryEntity): AuditEntryView {
  return {
    id: row.entryId,
    at: row.at.toISOString(),
    actor: row.actorSubject,
    roles: row.actorRoles,
    providerId: row.providerId,
    via: row.via,
    apiTokenId: row.apiTokenId,
    method: row.method,
    path: row.path,
    service: row.service,
    status: row.status,
    requestId: row.requestId,
    durationMs: row.durationMs,
  };
}
