import { causedBy, envelopeFromHeaders, envelopeToHeaders, MalformedEnvelopeError, newEnvelope } from './envelope';

describe('event envelope', () => {
  it('survives the trip through Kafka headers', () => {
    const envelope = newEnvelope('napl.catalogue.v1.RunScheduled', undefined, new Date('2026-09-01T08:00:00Z'));
    const headers = Object.fromEntries(Object.entries(envelopeToHeaders(envelope)).map(([key, value]) => [key, Buffer.from(value)]));

    expect(envelopeFromHeaders(headers)).toEqual({ ...envelope, causationId: undefined, traceparent: undefined });
  });

  it('starts a new correlation at an event without a cause, and hands it on to the events it causes', () => {
    const first = newEnvelope('napl.catalogue.v1.OfferSubmitted');
    const next = newEnvelope('napl.quality.v1.AssessmentOpened', causedBy(first));

    expect(first.correlationId).toBe(first.eventId);
    expect(next.correlationId).toBe(first.eventId);
    expect(next.causationId).toBe(first.eventId);
    expect(next.eventId).not.toBe(first.eventId);
  });

  it('names every unusable header of a malformed envelope', () => {
    const read = () => envelopeFromHeaders({ 'napl-event-id': 'not-a-uuid', 'napl-occurred-at': 'yesterday' });

    expect(read).toThrow(MalformedEnvelopeError);
    expect(read).toThrow('napl-event-id is not a UUID; napl-event-type is missing; napl-occurred-at is not a timestamp');
  });
});
