import { Module } from '@nestjs/common';
import { RulesController } from './http/rules.controller';

/** The reimbursement rules as versioned data, managed by the ministry. */
@Module({ controllers: [RulesController], providers: [], exports: [] })
export class RulesModule {}
