import { AttendanceEntity } from '../enrolments/infrastructure/attendance.entity';
import { EnrolmentEntity } from '../enrolments/infrastructure/enrolment.entity';
import { NotificationEntity } from '../enrolments/infrastructure/notification.entity';
import { KnownOfferEntity } from '../offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../runs/infrastructure/known-run.entity';
import { SchoolEntity } from '../schools/infrastructure/school.entity';
import { TeacherEntity } from '../teachers/infrastructure/teacher.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { KnownRuns1795583657612 } from './migrations/1795583657612-known-runs';
import { Enrolments1795998019043 } from './migrations/1795998019043-enrolments';
import { SeedSchools1795998019044 } from './migrations/1795998019044-seed-schools';
import { AggregateRevisions1796100000100 } from './migrations/1796100000100-aggregate-revisions';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { PlaceEnrolment1796100000300 } from './migrations/1796100000300-place-enrolment';
import { NotCompletedReasonCode1796200000000 } from './migrations/1796200000000-not-completed-reason-code';
import { TeacherSectorUntilSet1796700000000 } from './migrations/1796700000000-teacher-sector-until-set';

/** The enrolments schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [KnownRunEntity, KnownOfferEntity, SchoolEntity, TeacherEntity, EnrolmentEntity, AttendanceEntity, NotificationEntity];
export const MIGRATIONS = [MessagingTables1764050000000, KnownRuns1795583657612, Enrolments1795998019043, SeedSchools1795998019044, OutboxDelivery1796100000000, AggregateRevisions1796100000100, PlaceEnrolment1796100000300, NotCompletedReasonCode1796200000000, TeacherSectorUntilSet1796700000000];
