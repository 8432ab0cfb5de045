import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { activeTraceparent, currentRequestContext } from '@napl/observability';

/** Kafka header names of the event envelope; the payload itself is the protobuf message. */
export const ENVELOPE_HEADERS = {
  eventId: 'napl-event-id',
  eventType: 'napl-event-type',
  occurredAt: 'napl-occurred-at',
  correlationId: 'napl-correlation-id',
  causationId: 'napl-causation-id',
  traceparent: 'traceparent',
  contentType: 'content-type',
} as const;

export const PROTOBUF_CONTENT_TYPE = 'application/x-protobuf';

export interface EventEnvelope {
  readonly eventId: string;
  readonly eventType: string;
  readonly occurredAt: string;
  /** The id shared by everything one outside request set in motion. */
  readonly correlationId: string;
  /** The id of the event or request that directly caused this one. */
  readonly causationId?: string;
  readonly traceparent?: string;
}

/** Where an event comes from, so the next event can carry its correlation and causation ids. */
export interface EventCause {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
}

/**
 * A new event's envelope. Without an explicit cause it continues the work in progress: the HTTP request (its
 * correlation id, the request id as cause) or the event being handled; the trace continues from the active span.
 */
export function newEnvelope(eventType: string, cause: EventCause | undefined = currentCause(), now = new Date()): EventEnvelope {
  const eventId = randomUUID();
  return {
    eventId,
    eventType,
    occurredAt: now.toISOString(),
    correlationId: cause?.correlationId ?? eventId,
    causationId: cause?.causationId,
    traceparent: activeTraceparent() ?? cause?.traceparent,
  };
}

/** The cause of events published now: the request or event in whose async context the code runs. */
export function currentCause(): EventCause | undefined {
  const context = currentRequestContext();
  return context ? { correlationId: context.correlationId, causationId: context.requestId } : undefined;
}

/** The cause to hand on when handling `envelope` leads to new events. */
export function causedBy(envelope: EventEnvelope): EventCause {
  return { correlationId: envelope.correlationId, causationId: envelope.eventId, traceparent: envelope.traceparent };
}

export function envelopeToHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [ENVELOPE_HEADERS.eventId]: envelope.eventId,
    [ENVELOPE_HEADERS.eventType]: envelope.eventType,
    [ENVELOPE_HEADERS.occurredAt]: envelope.occurredAt,
    [ENVELOPE_HEADERS.correlationId]: envelope.correlationId,
    [ENVELOPE_HEADERS.contentType]: PROTOBUF_CONTENT_TYPE,
  };
  if (envelope.causationId) headers[ENVELOPE_HEADERS.causationId] = envelope.causationId;
  if (envelope.traceparent) headers[ENVELOPE_HEADERS.traceparent] = envelope.traceparent;
  return headers;
}

export class MalformedEnvelopeError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the envelope of an incoming message; throws MalformedEnvelopeError when it is unusable. */
export function envelopeFromHeaders(headers: IHeaders | undefined): EventEnvelope {
  const read = (name: string): string | undefined => {
    const value = headers?.[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  };
  const eventId = read(ENVELOPE_HEADERS.eventId);
  const eventType = read(ENVELOPE_HEADERS.eventType);
  const occurredAt = read(ENVELOPE_HEADERS.occurredAt);
  const problems: string[] = [];
  if (!eventId || !UUID.test(eventId)) problems.push(`${ENVELOPE_HEADERS.eventId} is not a UUID`);
  if (!eventType) problems.push(`${ENVELOPE_HEADERS.eventType} is missing`);
  if (!occurredAt || Number.isNaN(Date.parse(occurredAt))) problems.push(`${ENVELOPE_HEADERS.occurredAt} is not a timestamp`);
  if (problems.length > 0) throw new MalformedEnvelopeError(problems.join('; '));
  return {
    eventId: eventId!,
    eventType: eventType!,
    occurredAt: occurredAt!,
    correlationId: read(ENVELOPE_HEADERS.correlationId) ?? eventId!,
    causationId: read(ENVELOPE_HEADERS.causationId),
    traceparent: read(ENVELOPE_HEADERS.traceparent),
  };
}
