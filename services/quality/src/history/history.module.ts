import { Module } from '@nestjs/common';
import { HistoryController } from './http/history.controller';

/** The append-only history, read back by assessors, the ministry and admins. */
@Module({ controllers: [HistoryController] })
export class HistoryModule {}
