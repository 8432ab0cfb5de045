import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per teacher: the teacher's first participation, from enrolments' ParticipationStarted. Keyed by the teacher,
 * so a redelivered or replayed event (or a later participation) never counts a teacher twice; the earliest
 * participation wins whatever order the events come in.
 */
@Entity({ name: 'participant_fact' })
@Index(['startedOn'])
export class ParticipantFactEntity {
  @PrimaryColumn({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  /** The Amsterdam date the first participation started: it decides the school year. */
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'enrolment_id', type: 'text' })
  enrolmentId: string;

  @Column({ name: 'offer_id', type: 'text', nullable: true })
  offerId: string | null;

  /** po, vo, mbo or vso; null when the event did not say. */
  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ name: 'region_id', type: 'text', nullable: true })
  regionId: string | null;
}
