import type { MessageInitShape } from '@bufbuild/protobuf';
import { EventPattern } from '@nestjs/microservices';
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

/** One event type and what applying it does; the consumer runs it inside the inbox transaction. */
export interface EventHandler<C extends EventContract = EventContract> {
  readonly contract: C;
  handle(event: EventOf<C>, context: HandlerContext): Promise<void>;
}

/** The id of the platform's Kafka event transport (EventServer); @OnEvent handlers belong to it alone. */
export const NAPL_EVENTS_TRANSPORT = Symbol('napl-events');

/** The extras an @OnEvent handler carries to the EventServer. */
export interface EventHandlerExtras {
  readonly contract: EventContract;
}

type HandlerMethod<C extends EventContract> = (event: EventOf<C>, context: HandlerContext) => Promise<void>;

/**
 * Declares the method that applies one event type, the Nest way: an @EventPattern of the platform's event
 * transport, carrying the contract (topic, schema, required fields) so the EventServer can subscribe, decode
 * and check the message before the method sees it. The compiler checks the method's event type against the
 * contract. Use it in a class registered as a controller, with @Payload() and @Ctx() on the parameters:
 *
 *   @OnEvent(CatalogueEvents.OfferSubmitted)
 *   async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferSubmitted>, @Ctx() context: HandlerContext) {}
 */
export function OnEvent<C extends EventContract>(contract: C) {
  const extras: EventHandlerExtras = { contract };
  return (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<HandlerMethod<C>>): void => {
    EventPattern(contract.type, NAPL_EVENTS_TRANSPORT, extras)(target, key, descriptor);
  };
}
