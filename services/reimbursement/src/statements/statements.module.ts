import { Module } from '@nestjs/common';
import { CloseDueStatements } from './application/close-due-statements';
import { CloseDueStatementsScheduler } from './application/close-due-statements.scheduler';
import { PayStatement } from './application/pay-statement';
import { StatementQueries } from './application/statement-queries';
import { StatementsController } from './http/statements.controller';

/** Statements per region and period: open, payable, paid; payments, claw-backs and the export for finance. */
@Module({ controllers: [StatementsController], providers: [StatementQueries, CloseDueStatements, CloseDueStatementsScheduler, PayStatement], exports: [] })
export class StatementsModule {}
