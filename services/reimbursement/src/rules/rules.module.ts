import { Module } from '@nestjs/common';

/** The reimbursement rules as versioned data, managed by the ministry. */
@Module({ controllers: [], providers: [], exports: [] })
export class RulesModule {}
