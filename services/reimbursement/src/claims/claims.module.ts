import { Module } from '@nestjs/common';

/** Regions' claims, the ministry's decisions and amendments, and the ledger they write to. */
@Module({ controllers: [], providers: [], exports: [] })
export class ClaimsModule {}
