import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A badge the platform issued: which teacher path, which step (null: the whole path) of which version, signed with
 * which key, and when. Never the badge itself and never a name: the teacher holds the badge, and a name asked for on
 * download stays in it.
 */
@Entity({ name: 'issued_credential' })
@Index(['teacherPathId'])
export class IssuedCredentialEntity {
  /** The credential's id (urn:uuid:<credential_id> in the badge). */
  @PrimaryColumn({ name: 'credential_id', type: 'uuid' })
  credentialId: string;

  @Column({ name: 'teacher_path_id', type: 'uuid' })
  teacherPathId: string;

  @Column({ name: 'step_code', type: 'text', nullable: true })
  stepCode: string | null;

  @Column({ name: 'path_version', type: 'integer' })
  pathVersion: number;

  /** The signing key's id (its JWK thumbprint), so what a key rotation touches can be found. */
  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;
}
