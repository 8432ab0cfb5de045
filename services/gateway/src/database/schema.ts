import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';
import { OutboxDelivery1796100000000 } from './migrations/1796100000000-outbox-delivery';

/** The gateway schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [];
export const MIGRATIONS = [MessagingTables1764050000000, OutboxDelivery1796100000000];
