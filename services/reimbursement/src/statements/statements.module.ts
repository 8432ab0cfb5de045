import { Module } from '@nestjs/common';

/** Statements per region and period: open, payable, paid; payments, claw-backs and the export for finance. */
@Module({ controllers: [], providers: [], exports: [] })
export class StatementsModule {}
