import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which region a school location (BRIN + 2-digit location code) belongs to: at most one, so the key is the location. */
@Entity({ name: 'school_location' })
@Index(['regionId'])
export class SchoolLocationEntity {
  /** BRIN plus location code, e.g. `12AB00`. */
  @PrimaryColumn({ name: 'school_id', type: 'text' })
  schoolId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ type: 'text', default: '' })
  name: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
