import { SetMetadata, type Type } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventOf } from '@napl/contracts';
import type { EventEnvelope } from './envelope';

export interface HandlerContext {
  /** The transaction in which the event id is recorded; write the handler's effect through it. */
  readonly manager: EntityManager;
  readonly envelope: EventEnvelope;
  /** Publishes a follow-up event in the same transaction, carrying this event's correlation id. */
  publish<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>): Promise<EventEnvelope>;
}

/** Applies one event type to the service's own state. Name it `<do-x>-when-<y>`. */
export interface EventHandler<C extends EventContract = EventContract> {
  readonly contract: C;
  handle(event: EventOf<C>, context: HandlerContext): Promise<void>;
}

export const EVENT_HANDLER_METADATA = 'napl:event-handler';

/** Marks a provider as an event handler; the messaging module finds and subscribes it. */
export const EventHandlerProvider = (): ClassDecorator => SetMetadata(EVENT_HANDLER_METADATA, true);

export type EventHandlerType = Type<EventHandler>;
