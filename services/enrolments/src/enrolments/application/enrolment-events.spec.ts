import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents } from '@napl/contracts';
import { ENVELOPE_HEADERS } from '@napl/messaging';
import { EnrolmentEntity } from '../infrastructure/enrolment.entity';
import { placedEventDraft, snapshotOf, waitlistedPayload } from './enrolment-events';

const { EnrolmentConfirmed, EnrolmentWaitlisted } = EnrolmentsEvents;

const run = { offerVersion: 3, providerId: '11111111-1111-4111-8111-000000000001', priceCents: '45000' };
const enrolment = Object.assign(new EnrolmentEntity(), {
  enrolmentId: '22222222-2222-4222-8222-000000000002',
  teacherId: '33333333-3333-4333-8333-000000000003',
  runId: '44444444-4444-4444-8444-000000000004',
  offerId: '55555555-5555-4555-8555-000000000005',
  schoolId: '12AB00',
  regionId: 'utrecht-stad',
  sector: 'po',
  teamEnrolmentId: null,
  enrolledAt: new Date('2027-01-10T09:30:15.123Z'),
});

describe('the event of a new enrolment, prepared before the run is locked', () => {
  const draft = placedEventDraft(enrolment, run);
  const at = timestampFromDate(enrolment.enrolledAt);

  it('is EnrolmentConfirmed as publishing it would write it', () => {
    const expected = toBinary(EnrolmentConfirmed.schema, create(EnrolmentConfirmed.schema, { enrolment: snapshotOf(enrolment, run), confirmedAt: at }));
    expect(Buffer.from(draft.confirmed.payload)).toEqual(Buffer.from(expected));
    expect(draft.confirmed).toMatchObject({ eventType: EnrolmentConfirmed.type, topic: EnrolmentConfirmed.topic.name });
  });

  it.each([1, 2, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, 2_147_483_647])(
    'is EnrolmentWaitlisted at position %i, byte for byte, once the position is joined in',
    (position) => {
      const expected = toBinary(EnrolmentWaitlisted.schema, create(EnrolmentWaitlisted.schema, { enrolment: snapshotOf(enrolment, run), position, waitlistedAt: at }));
      const joined = waitlistedPayload(draft.waitlisted, position);
      expect(Buffer.from(joined)).toEqual(Buffer.from(expected));
      expect(fromBinary(EnrolmentWaitlisted.schema, joined).position).toBe(position);
    },
  );

  it('knows every field of EnrolmentWaitlisted: a new one must go before or after the position in placedEventDraft', () => {
    expect(EnrolmentWaitlisted.schema.fields.map((field) => [field.number, field.localName])).toEqual([
      [1, 'enrolment'],
      [2, 'position'],
      [3, 'waitlistedAt'],
    ]);
  });

  it('has one event id and time for either outcome, and each outcome its own type, on one topic', () => {
    expect(draft.waitlisted.topic).toBe(draft.confirmed.topic); // place_enrolment takes one topic
    for (const [row, contract] of [[draft.confirmed, EnrolmentConfirmed], [draft.waitlisted, EnrolmentWaitlisted]] as const) {
      expect(row.headers[ENVELOPE_HEADERS.eventId]).toBe(draft.eventId);
      expect(row.headers[ENVELOPE_HEADERS.eventType]).toBe(contract.type);
      expect(row.headers[ENVELOPE_HEADERS.occurredAt]).toBe(draft.occurredAt.toISOString());
      expect(row.topic).toBe(contract.topic.name);
    }
  });
});
