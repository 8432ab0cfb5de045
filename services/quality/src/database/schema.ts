import { AssessmentEntity, AssessorLinkEntity, CriterionScoreEntity } from '../assessments/infrastructure/assessment.entities';
import { EvaluationEntity, EvaluationInvitationEntity, OfferEvaluationStateEntity } from '../evaluations/infrastructure/evaluation.entities';
import { FrameworkCriterionEntity, FrameworkVersionEntity } from '../framework/infrastructure/framework.entities';
import { HistoryEntryEntity } from '../history/infrastructure/history-entry.entity';
import { QualityMarkEntity } from '../marks/infrastructure/quality-mark.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { QualityTables1795998226321 } from './migrations/1795998226321-quality-tables';
import { FrameworkV11795998226400 } from './migrations/1795998226400-framework-v1';
import { HistoryAppendOnly1795998226500 } from './migrations/1795998226500-history-append-only';
import { MarkConditionsFulfilment1795999731987 } from './migrations/1795999731987-mark-conditions-fulfilment';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { HistoryOrder1796200000000 } from './migrations/1796200000000-history-order';

/** The quality schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [
  FrameworkVersionEntity,
  FrameworkCriterionEntity,
  AssessmentEntity,
  CriterionScoreEntity,
  AssessorLinkEntity,
  QualityMarkEntity,
  EvaluationInvitationEntity,
  EvaluationEntity,
  OfferEvaluationStateEntity,
  HistoryEntryEntity,
];
export const MIGRATIONS = [
  MessagingTables1764050000000,
  QualityTables1795998226321,
  FrameworkV11795998226400,
  HistoryAppendOnly1795998226500,
  MarkConditionsFulfilment1795999731987,
  OutboxDelivery1796100000000,
  HistoryOrder1796200000000,
];
