import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A teacher's consent that their school leader sees their path progress by name (pseudonymous id) in the team view;
 * without it the leader sees only counts. Withdrawing deletes the row: no consent is the default.
 */
@Entity({ name: 'team_view_consent' })
export class TeamViewConsentEntity {
  @PrimaryColumn({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;
}
