import { KnownRunEntity } from '../runs/infrastructure/known-run.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { KnownRuns1795583657612 } from './migrations/1795583657612-known-runs';

/** The enrolments schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [KnownRunEntity];
export const MIGRATIONS = [MessagingTables1764050000000, KnownRuns1795583657612];
