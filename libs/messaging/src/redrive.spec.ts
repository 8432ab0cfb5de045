import { deadLetterOf, isRedrivable, redriveGroupOf, withoutDeadLetterHeaders } from './redrive';

const TOPIC = 'napl.catalogue.run.v1';

/** A message as the consumer writes it to the dead-letter topic (kafkajs hands headers over as Buffers). */
function deadLetterMessage(extraHeaders: Record<string, string> = {}) {
  const headers = {
    'napl-event-id': '6f1c1c43-5b1e-4a57-9d55-4e1b7c1f0f3a',
    'napl-event-type': 'napl.catalogue.v1.RunCancelled',
    'napl-correlation-id': '0d9f6f8e-53f5-4f0b-a9ea-8a0f1f2d3c4b',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    'napl-dlt-reason': 'handler said no',
    'napl-dlt-attempts': '5',
    'napl-dlt-consumer-group': 'napl.enrolments',
    'napl-dlt-original-topic': TOPIC,
    'napl-dlt-original-partition': '2',
    'napl-dlt-original-offset': '41',
    ...extraHeaders,
  };
  return {
    key: Buffer.from('run-1'),
    value: Buffer.from([1, 2, 3]),
    offset: '7',
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

describe('re-driving dead letters', () => {
  it('reads what the consumer recorded about a dead letter', () => {
    expect(deadLetterOf(deadLetterMessage(), 0, 'fallback')).toMatchObject({
      key: Buffer.from('run-1'),
      eventId: '6f1c1c43-5b1e-4a57-9d55-4e1b7c1f0f3a',
      eventType: 'napl.catalogue.v1.RunCancelled',
      reason: 'handler said no',
      consumerGroup: 'napl.enrolments',
      originalTopic: TOPIC,
      deadLetterPartition: 0,
      deadLetterOffset: '7',
    });
    expect(deadLetterOf({ ...deadLetterMessage(), headers: {} }, 0, 'fallback').originalTopic).toBe('fallback');
  });

  it('sends back the envelope and trace headers, not those dead-lettering added', () => {
    expect(Object.keys(withoutDeadLetterHeaders(deadLetterMessage().headers)).sort()).toEqual([
      'napl-correlation-id',
      'napl-event-id',
      'napl-event-type',
      'traceparent',
    ]);
  });

  it("re-drives the group's own dead letters of the topic, as far as the filter lets it", () => {
    const deadLetter = deadLetterOf(deadLetterMessage(), 0, TOPIC);
    const ours = { groupId: 'napl.enrolments', originalTopic: TOPIC };

    expect(isRedrivable(deadLetter, ours)).toBe(true);
    expect(isRedrivable(deadLetter, { ...ours, groupId: 'napl.quality' })).toBe(false);
    expect(isRedrivable(deadLetter, { ...ours, originalTopic: 'napl.catalogue.offer.v1' })).toBe(false);
    expect(isRedrivable(deadLetter, { ...ours, filter: (letter) => letter.reason !== 'handler said no' })).toBe(false);
    const unsigned = deadLetterOf({ ...deadLetterMessage(), headers: { 'napl-dlt-original-topic': Buffer.from(TOPIC) } }, 0, TOPIC);
    expect(isRedrivable(unsigned, ours)).toBe(true);
  });

  it('keeps the position of each topic of each service in a group of its own', () => {
    expect(redriveGroupOf('napl.enrolments', TOPIC)).toBe('napl.enrolments.redrive.napl.catalogue.run.v1');
  });
});
