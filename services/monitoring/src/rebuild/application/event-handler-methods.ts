import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { PATTERN_EXTRAS_METADATA, TRANSPORT_METADATA } from '@nestjs/microservices/constants';
import type { EventContract } from '@napl/contracts';
import { NAPL_EVENTS_TRANSPORT, type EventHandlerExtras, type HandlerContext } from '@napl/messaging';

/** The @OnEvent methods of one event type, in the order the service's consumer runs them. */
export interface EventTypeHandlers {
  readonly contract: EventContract;
  readonly methods: ((event: object, context: HandlerContext) => Promise<void>)[];
}

/**
 * The service's own @OnEvent handler methods, found the way Nest's event transport finds them, so the rebuild applies
 * exactly the live handlers. It calls the methods directly, without Nest's per-event pipeline (tracing, logging):
 * a rebuild applies millions of events and the handlers take their event and context as they are.
 */
@Injectable()
export class EventHandlerMethods {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  byEventType(): Map<string, EventTypeHandlers> {
    const byType = new Map<string, EventTypeHandlers>();
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const method = instance[name] as ((event: object, context: HandlerContext) => Promise<void>) | undefined;
        if (typeof method !== 'function' || Reflect.getMetadata(TRANSPORT_METADATA, method) !== NAPL_EVENTS_TRANSPORT) continue;
        const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as EventHandlerExtras | undefined;
        if (!extras?.contract) continue;
        const entry = byType.get(extras.contract.type) ?? { contract: extras.contract, methods: [] };
        entry.methods.push(method.bind(instance));
        byType.set(extras.contract.type, entry);
      }
    }
    return byType;
  }
}
