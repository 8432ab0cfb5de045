import { allCaughtUp, topicProgress, type PartitionPosition } from './rebuild-progress';

describe('rebuild progress', () => {
  const positions: PartitionPosition[] = [
    { topic: 'napl.enrolments.enrolment.v1', partition: 0, start: 0, end: 100, read: 40 },
    { topic: 'napl.enrolments.enrolment.v1', partition: 1, start: 0, end: 50, read: 50 },
    { topic: 'napl.catalogue.offer.v1', partition: 0, start: 20, end: 30 },
    { topic: 'napl.catalogue.offer.v1', partition: 1, start: 0, end: 0 },
  ];

  it('sums offsets read and end offsets per topic, counting an unread partition from its start', () => {
    expect(topicProgress(positions)).toEqual([
      { topic: 'napl.catalogue.offer.v1', offsetsRead: 20, endOffsets: 30, caughtUp: false },
      { topic: 'napl.enrolments.enrolment.v1', offsetsRead: 90, endOffsets: 150, caughtUp: false },
    ]);
  });

  it('is caught up only when every partition is read to its end; an empty partition or one emptied by retention is', () => {
    expect(allCaughtUp(positions)).toBe(false);
    expect(allCaughtUp([...positions.slice(1, 2), { topic: 't', partition: 0, start: 30, end: 30 }, positions[3]])).toBe(true);
    expect(allCaughtUp([{ topic: 't', partition: 0, start: 0, end: 10, read: 9 }])).toBe(false);
  });
});
