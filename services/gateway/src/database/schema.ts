import { ApiTokenEntity } from '../api-tokens/infrastructure/api-token.entity';
import { AuditEntryEntity } from '../audit/infrastructure/audit-entry.entity';
import { RateLimitWindowEntity } from '../rate-limits/infrastructure/rate-limit-window.entity';
import { BrowserSessionEntity } from '../sign-in/infrastructure/browser-session.entity';
import { SignInAttemptEntity } from '../sign-in/infrastructure/sign-in-attempt.entity';
import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';
import { GatewayCore1796600000000 } from './migrations/1796600000000-gateway-core';

/** The gateway schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [ApiTokenEntity, BrowserSessionEntity, SignInAttemptEntity, RateLimitWindowEntity, AuditEntryEntity];
export const MIGRATIONS = [MessagingTables1764050000000, OutboxDelivery1796100000000, GatewayCore1796600000000];
