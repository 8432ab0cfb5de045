import { KnownMarkEntity } from '../catalogue-copy/infrastructure/known-mark.entity';
import { KnownOfferVersionEntity } from '../catalogue-copy/infrastructure/known-offer-version.entity';
import { KnownOfferEntity } from '../catalogue-copy/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../catalogue-copy/infrastructure/known-run.entity';
import { RunPlaceEntity } from '../catalogue-copy/infrastructure/run-place.entity';
import { IssuedCredentialEntity } from '../credentials/infrastructure/issued-credential.entity';
import { TeamViewConsentEntity } from '../teacher-paths/infrastructure/team-view-consent.entity';
import { CreditedCompletionEntity } from '../teacher-paths/infrastructure/credited-completion.entity';
import { StepRecognitionEntity } from '../teacher-paths/infrastructure/step-recognition.entity';
import { TeacherPathEntity } from '../teacher-paths/infrastructure/teacher-path.entity';
import { PathVersionEntity } from '../paths/infrastructure/path-version.entity';
import { PathEntity } from '../paths/infrastructure/path.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { PathsAndProgress1796300000000 } from './migrations/1796300000000-paths-and-progress';
import { Seed2026Paths1796300000100 } from './migrations/1796300000100-seed-2026-paths';

/** The paths schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [
  PathEntity,
  PathVersionEntity,
  TeacherPathEntity,
  CreditedCompletionEntity,
  StepRecognitionEntity,
  TeamViewConsentEntity,
  KnownOfferEntity,
  KnownOfferVersionEntity,
  KnownRunEntity,
  RunPlaceEntity,
  KnownMarkEntity,
  IssuedCredentialEntity,
];
export const MIGRATIONS = [MessagingTables1764050000000, OutboxDelivery1796100000000, PathsAndProgress1796300000000, Seed2026Paths1796300000100];
