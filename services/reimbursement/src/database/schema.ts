import { IDEMPOTENCY_ENTITIES } from '@napl/service-kit';
import { ClaimAmendmentEntity } from '../claims/infrastructure/claim-amendment.entity';
import { ClaimLineEntity } from '../claims/infrastructure/claim-line.entity';
import { ClaimEntity } from '../claims/infrastructure/claim.entity';
import { DeclaredCostsEntity } from '../eligibility/infrastructure/declared-costs.entity';
import { EligibilityOutcomeEntity } from '../eligibility/infrastructure/eligibility-outcome.entity';
import { EnrolmentFactEntity } from '../eligibility/infrastructure/enrolment-fact.entity';
import { KnownMarkEntity } from '../eligibility/infrastructure/known-mark.entity';
import { KnownRunEntity } from '../eligibility/infrastructure/known-run.entity';
import { ReviewCaseEntity } from '../eligibility/infrastructure/review-case.entity';
import { LedgerEntryEntity } from '../ledger/infrastructure/ledger-entry.entity';
import { BudgetAllocationEntity } from '../regions/infrastructure/budget-allocation.entity';
import { BudgetTrancheEntity } from '../regions/infrastructure/budget-tranche.entity';
import { RegionEntity } from '../regions/infrastructure/region.entity';
import { SchoolLocationEntity } from '../regions/infrastructure/school-location.entity';
import { RuleVersionEntity } from '../rules/infrastructure/rule-version.entity';
import { StatementItemEntity } from '../statements/infrastructure/statement-item.entity';
import { StatementEntity } from '../statements/infrastructure/statement.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { RegionsRulesClaimsLedger1796400000000 } from './migrations/1796400000000-regions-rules-claims-ledger';
import { MoneyGuardsAndTranches1796400000100 } from './migrations/1796400000100-money-guards-and-tranches';
import { IdempotencyKeys1796400000300 } from './migrations/1796400000300-idempotency-keys';

/** The reimbursement schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [
  ...IDEMPOTENCY_ENTITIES,
  RegionEntity,
  SchoolLocationEntity,
  BudgetTrancheEntity,
  BudgetAllocationEntity,
  RuleVersionEntity,
  EnrolmentFactEntity,
  KnownRunEntity,
  KnownMarkEntity,
  DeclaredCostsEntity,
  EligibilityOutcomeEntity,
  ReviewCaseEntity,
  ClaimEntity,
  ClaimLineEntity,
  ClaimAmendmentEntity,
  StatementEntity,
  StatementItemEntity,
  LedgerEntryEntity,
];
export const MIGRATIONS = [
  MessagingTables1764050000000,
  OutboxDelivery1796100000000,
  RegionsRulesClaimsLedger1796400000000,
  MoneyGuardsAndTranches1796400000100,
  IdempotencyKeys1796400000300,
];
