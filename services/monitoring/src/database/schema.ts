import { MessagingTables1764050000000 } from './migrations/1764050000000-messaging-tables';

/** The monitoring schema: its entities and, in order, the migrations that build it. */
export const ENTITIES = [];
export const MIGRATIONS = [MessagingTables1764050000000];
