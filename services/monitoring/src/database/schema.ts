import { EnrolmentFactEntity } from '../enrolments/infrastructure/enrolment-fact.entity';
import { BudgetAllocationFactEntity } from '../money/infrastructure/budget-allocation-fact.entity';
import { EligibilityFactEntity } from '../money/infrastructure/eligibility-fact.entity';
import { MoneyMovementFactEntity } from '../money/infrastructure/money-movement-fact.entity';
import { OfferFactEntity } from '../participation/infrastructure/offer-fact.entity';
import { ParticipantFactEntity } from '../participation/infrastructure/participant-fact.entity';
import { PathFactEntity } from '../path-progress/infrastructure/path-fact.entity';
import { PathMilestoneFactEntity } from '../path-progress/infrastructure/path-milestone-fact.entity';
import { TeacherPathFactEntity } from '../path-progress/infrastructure/teacher-path-fact.entity';
import { AssessmentDecisionFactEntity } from '../quality/infrastructure/assessment-decision-fact.entity';
import { MarkEndFactEntity } from '../quality/infrastructure/mark-end-fact.entity';
import { RebuildRunEntity } from '../rebuild/infrastructure/rebuild-run.entity';
import { TopicFreshnessEntity } from '../reporting/infrastructure/topic-freshness.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { ReadModels1796500000000 } from './migrations/1796500000000-read-models';
import { RebuildRunsAndEligibilityReasons1796500000100 } from './migrations/1796500000100-rebuild-runs-and-eligibility-reasons';

/** The monitoring schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [
  ParticipantFactEntity,
  OfferFactEntity,
  EnrolmentFactEntity,
  PathFactEntity,
  TeacherPathFactEntity,
  PathMilestoneFactEntity,
  AssessmentDecisionFactEntity,
  MarkEndFactEntity,
  BudgetAllocationFactEntity,
  MoneyMovementFactEntity,
  EligibilityFactEntity,
  TopicFreshnessEntity,
  RebuildRunEntity,
];
export const MIGRATIONS = [MessagingTables1764050000000, OutboxDelivery1796100000000, ReadModels1796500000000, RebuildRunsAndEligibilityReasons1796500000100];
