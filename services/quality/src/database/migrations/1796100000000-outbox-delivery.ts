import { OutboxDeliveryMigration } from '@napl/messaging';

export class OutboxDelivery1796100000000 extends OutboxDeliveryMigration {}
