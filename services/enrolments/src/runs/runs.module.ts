import { Module } from '@nestjs/common';
import { RecordRunWhenScheduled } from './application/record-run-when-scheduled.handler';
import { RunsQueries } from './application/runs.queries';
import { UpdateRunWhenChanged } from './application/update-run-when-changed.handler';
import { RunsController } from './http/runs.controller';

/**
 * The local copy of the catalogue's runs. RunCancelled is handled by the enrolments feature (it ends enrolments);
 * RunChanged promotes the waiting list when it adds places.
 */
@Module({ providers: [RunsQueries], controllers: [RunsController, RecordRunWhenScheduled, UpdateRunWhenChanged] })
export class RunsModule {}
