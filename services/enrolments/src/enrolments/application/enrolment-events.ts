import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CancellationCause, EnrolmentsEvents, NotCompletedReason, type EnrolmentSnapshotSchema, type EventContract } from '@napl/contracts';
import { envelopeToHeaders, newEnvelope, publishInTransaction } from '@napl/messaging';
import type { EntityManager } from 'typeorm';
import type { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { brinOf, sectorOrUnspecified } from '../../teachers/domain/teacher';
import type { CancellationCauseCode, NotCompletedReasonCode } from '../domain/enrolment-rules';
import type { EnrolmentEntity } from '../infrastructure/enrolment.entity';

/** Publishes an event in the current transaction: the outbox directly, or a handler's context (keeps the causation). */
export type Publish = <C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>) => Promise<unknown>;

export function publisherFor(manager: EntityManager): Publish {
  return (contract, key, payload) => publishInTransaction(manager, contract, key, payload);
}

/** What other services keep of an enrolment: pseudonymous teacher id, school as BRIN, region, sector. No names. */
export function snapshotOf(
  enrolment: EnrolmentEntity,
  run: Pick<KnownRunEntity, 'offerVersion' | 'providerId' | 'priceCents'>,
): MessageInitShape<typeof EnrolmentSnapshotSchema> {
  return {
    enrolmentId: enrolment.enrolmentId,
    teacherId: enrolment.teacherId,
    runId: enrolment.runId,
    offerId: enrolment.offerId,
    offerVersion: run.offerVersion,
    providerId: run.providerId,
    sector: sectorOrUnspecified(enrolment.sector),
    regionId: enrolment.regionId,
    schoolBrin: brinOf(enrolment.schoolId),
    schoolId: enrolment.schoolId,
    teamEnrolmentId: enrolment.teamEnrolmentId ?? '',
    priceCents: BigInt(run.priceCents),
  };
}

const CAUSES: Record<CancellationCauseCode, CancellationCause> = {
  teacher: CancellationCause.TEACHER,
  provider: CancellationCause.PROVIDER,
  run_cancelled: CancellationCause.RUN_CANCELLED,
  school_leader: CancellationCause.SCHOOL_LEADER,
};

const NOT_COMPLETED_REASONS: Record<NotCompletedReasonCode, NotCompletedReason> = {
  NO_SHOW: NotCompletedReason.NO_SHOW,
  INSUFFICIENT_ATTENDANCE: NotCompletedReason.INSUFFICIENT_ATTENDANCE,
  STOPPED_BY_TEACHER: NotCompletedReason.STOPPED_BY_TEACHER,
  REQUIREMENTS_NOT_MET: NotCompletedReason.REQUIREMENTS_NOT_MET,
  OTHER: NotCompletedReason.OTHER,
};

export function notCompletedReasonToContract(code: NotCompletedReasonCode): NotCompletedReason {
  return NOT_COMPLETED_REASONS[code];
}

export async function publishPlaced(publish: Publish, enrolment: EnrolmentEntity, run: KnownRunEntity, position: number | null): Promise<void> {
  const snapshot = snapshotOf(enrolment, run);
  const at = timestampFromDate(enrolment.enrolledAt);
  if (enrolment.status === 'confirmed') {
    await publish(EnrolmentsEvents.EnrolmentConfirmed, enrolment.enrolmentId, { enrolment: snapshot, confirmedAt: at });
  } else {
    await publish(EnrolmentsEvents.EnrolmentWaitlisted, enrolment.enrolmentId, { enrolment: snapshot, position: position ?? 0, waitlistedAt: at });
  }
}

/** One outcome's outbox row: what publishInTransaction would store for it. */
export interface PlacedEventRow {
  readonly eventType: string;
  readonly topic: string;
  readonly headers: Record<string, string>;
}

/**
 * The event of a new enrolment, made before the run's lock for both outcomes, so that the database function that
 * decides confirmed or waitlisted under the lock (place_enrolment, see enrolment-placement.ts) also writes its outbox
 * row: one event id and time, keyed by the enrolment id; EnrolmentConfirmed whole, EnrolmentWaitlisted as the bytes
 * before and after its `position` field, which is only known under the lock. Protobuf writes fields in number order,
 * so `before + position field + after` is byte for byte what toBinary writes (enrolment-events.spec.ts);
 * `waitlistedPayload` is that join, as the function does it.
 */
export interface PlacedEventDraft {
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly confirmed: PlacedEventRow & { readonly payload: Uint8Array };
  readonly waitlisted: PlacedEventRow & { readonly beforePosition: Uint8Array; readonly afterPosition: Uint8Array; readonly positionTag: number };
}

export function placedEventDraft(enrolment: EnrolmentEntity, run: Pick<KnownRunEntity, 'offerVersion' | 'providerId' | 'priceCents'>): PlacedEventDraft {
  const { EnrolmentConfirmed, EnrolmentWaitlisted } = EnrolmentsEvents;
  const snapshot = snapshotOf(enrolment, run);
  const at = timestampFromDate(enrolment.enrolledAt);
  const envelope = newEnvelope(EnrolmentConfirmed.type);
  const rowOf = (contract: EventContract): PlacedEventRow => ({
    eventType: contract.type,
    topic: contract.topic.name,
    headers: envelopeToHeaders({ ...envelope, eventType: contract.type }),
  });
  const position = EnrolmentWaitlisted.schema.field.position;
  return {
    eventId: envelope.eventId,
    occurredAt: new Date(envelope.occurredAt),
    confirmed: { ...rowOf(EnrolmentConfirmed), payload: toBinary(EnrolmentConfirmed.schema, create(EnrolmentConfirmed.schema, { enrolment: snapshot, confirmedAt: at })) },
    waitlisted: {
      ...rowOf(EnrolmentWaitlisted),
      // Fields numbered below `position` (the snapshot), then those above it (the time).
      beforePosition: toBinary(EnrolmentWaitlisted.schema, create(EnrolmentWaitlisted.schema, { enrolment: snapshot })),
      afterPosition: toBinary(EnrolmentWaitlisted.schema, create(EnrolmentWaitlisted.schema, { waitlistedAt: at })),
      positionTag: position.number << 3, // wire type 0: varint
    },
  };
}

/** The EnrolmentWaitlisted payload of a draft at a position (1 is next); place_enrolment joins the same bytes. */
export function waitlistedPayload(draft: PlacedEventDraft['waitlisted'], position: number): Uint8Array {
  return Buffer.concat([draft.beforePosition, varint(draft.positionTag), varint(position), draft.afterPosition]);
}

/** 7 bits a byte, low bits first, the high bit set on all but the last (protobuf_varint in SQL). */
function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = value; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) return Uint8Array.from([...bytes, rest]);
    bytes.push((rest % 128) | 128);
  }
}

export async function publishCancelled(
  publish: Publish,
  enrolment: EnrolmentEntity,
  run: KnownRunEntity,
  cause: CancellationCauseCode,
  heldPlace: boolean,
): Promise<void> {
  await publish(EnrolmentsEvents.EnrolmentCancelled, enrolment.enrolmentId, {
    enrolment: snapshotOf(enrolment, run),
    cause: CAUSES[cause],
    heldPlace,
    cancelledAt: timestampFromDate(enrolment.cancelledAt ?? new Date()),
  });
}
