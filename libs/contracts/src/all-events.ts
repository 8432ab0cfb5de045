import type { EventContract } from './event-contract';
import { CatalogueEvents } from './gen/napl/catalogue/v1/catalogue_events';
import { EnrolmentsEvents } from './gen/napl/enrolments/v1/enrolments_events';
import { PathsEvents } from './gen/napl/paths/v1/paths_events';
import { QualityEvents } from './gen/napl/quality/v1/quality_events';
import { ReimbursementEvents } from './gen/napl/reimbursement/v1/reimbursement_events';

/** Every event contract of the platform, for checks that must cover them all. */
export const ALL_EVENTS: readonly EventContract[] = [
  ...Object.values(CatalogueEvents),
  ...Object.values(QualityEvents),
  ...Object.values(EnrolmentsEvents),
  ...Object.values(PathsEvents),
  ...Object.values(ReimbursementEvents),
];
