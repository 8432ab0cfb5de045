import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per source topic, the latest event time applied: what "read up to" in every answer says. */
@Entity({ name: 'topic_freshness' })
export class TopicFreshnessEntity {
  @PrimaryColumn({ type: 'text' })
  topic: string;

  @Column({ name: 'read_up_to', type: 'timestamptz' })
  readUpTo: Date;
}
