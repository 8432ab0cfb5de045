import { Module } from '@nestjs/common';
import { QueryAuditLog } from './application/query-audit-log';
import { RecordWrite } from './application/record-write';
import { AuditMiddleware } from './http/audit.middleware';
import { AuditLogController } from './http/audit-log.controller';

/** The audit log of writes through the gateway (the middleware is applied to every route by GatewayModule). */
@Module({
  providers: [RecordWrite, QueryAuditLog, AuditMiddleware],
  controllers: [AuditLogController],
  exports: [AuditMiddleware, RecordWrite, QueryAuditLog],
})
export class AuditModule {}
