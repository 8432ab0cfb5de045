import { Module } from '@nestjs/common';
import { MarkRunCancelledWhenCancelled } from './application/mark-run-cancelled-when-cancelled.handler';
import { RecordRunWhenScheduled, UpdateRunWhenChanged } from './application/record-run-when-scheduled.handler';

/** The local copy of the catalogue's runs. */
@Module({ providers: [RecordRunWhenScheduled, UpdateRunWhenChanged, MarkRunCancelledWhenCancelled] })
export class RunsModule {}
