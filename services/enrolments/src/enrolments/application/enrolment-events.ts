import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CancellationCause, EnrolmentsEvents, type EnrolmentSnapshotSchema, type EventContract } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import type { EntityManager } from 'typeorm';
import type { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { brinOf, sectorToContract } from '../../teachers/domain/teacher';
import type { CancellationCauseCode } from '../domain/enrolment-rules';
import type { EnrolmentEntity } from '../infrastructure/enrolment.entity';

/** Publishes an event in the current transaction: the outbox directly, or a handler's context (keeps the causation). */
export type Publish = <C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>) => Promise<unknown>;

export function publisherFor(manager: EntityManager): Publish {
  return (contract, key, payload) => publishInTransaction(manager, contract, key, payload);
}

/** What other services keep of an enrolment: pseudonymous teacher id, school as BRIN, region, sector. No names. */
export function snapshotOf(enrolment: EnrolmentEntity, run: KnownRunEntity): MessageInitShape<typeof EnrolmentSnapshotSchema> {
  return {
    enrolmentId: enrolment.enrolmentId,
    teacherId: enrolment.teacherId,
    runId: enrolment.runId,
    offerId: enrolment.offerId,
    offerVersion: run.offerVersion,
    providerId: run.providerId,
    sector: sectorToContract(enrolment.sector),
    regionId: enrolment.regionId,
    schoolBrin: brinOf(enrolment.schoolId),
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

export async function publishPlaced(publish: Publish, enrolment: EnrolmentEntity, run: KnownRunEntity, position: number | null): Promise<void> {
  const snapshot = snapshotOf(enrolment, run);
  const at = timestampFromDate(enrolment.enrolledAt);
  if (enrolment.status === 'confirmed') {
    await publish(EnrolmentsEvents.EnrolmentConfirmed, enrolment.enrolmentId, { enrolment: snapshot, confirmedAt: at });
  } else {
    await publish(EnrolmentsEvents.EnrolmentWaitlisted, enrolment.enrolmentId, { enrolment: snapshot, position: position ?? 0, waitlistedAt: at });
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
