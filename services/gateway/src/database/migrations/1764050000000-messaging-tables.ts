import { MessagingTablesMigration } from '@napl/messaging';

export class MessagingTables1764050000000 extends MessagingTablesMigration {}
