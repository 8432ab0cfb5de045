import { IDEMPOTENCY_ENTITIES } from '@napl/service-kit';
import { ProviderChangeEntity } from '../changes/infrastructure/provider-change.entity';
import { OfferVersionEntity } from '../offers/infrastructure/offer-version.entity';
import { OfferEntity } from '../offers/infrastructure/offer.entity';
import { ProviderEntity } from '../providers/infrastructure/provider.entity';
import { RunEnrolmentEntity } from '../runs/infrastructure/run-enrolment.entity';
import { RunEntity } from '../runs/infrastructure/run.entity';
import { ListedOfferEntity } from '../search/infrastructure/listed-offer.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { IdempotencyKeys1795998105000 } from './migrations/1795998105000-idempotency-keys';
import { CatalogueTables1795998105729 } from './migrations/1795998105729-catalogue-tables';
import { ProviderChangePositions1795999106615 } from './migrations/1795999106615-provider-change-positions';
import { EnrolmentPlaces1796001061651 } from './migrations/1796001061651-enrolment-places';
import { AggregateRevisions1796100000100 } from './migrations/1796100000100-aggregate-revisions';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { SearchListing1796100000200 } from './migrations/1796100000200-search-listing';

/** The catalogue schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [...IDEMPOTENCY_ENTITIES, ProviderEntity, OfferEntity, OfferVersionEntity, RunEntity, RunEnrolmentEntity, ProviderChangeEntity, ListedOfferEntity];
export const MIGRATIONS = [MessagingTables1764050000000, IdempotencyKeys1795998105000, CatalogueTables1795998105729, ProviderChangePositions1795999106615, EnrolmentPlaces1796001061651, OutboxDelivery1796100000000, AggregateRevisions1796100000100, SearchListing1796100000200];
