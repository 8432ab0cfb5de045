import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A school location: BRIN code (2 digits, 2 letters) plus a 2-digit location code. A location belongs to at
 * most one education region, so a teacher's region follows from their school. The list is data the ministry
 * manages (`PUT /v1/schools/{schoolId}`); the demo loader enters the demo schools, no migration does.
 */
@Entity({ name: 'school' })
export class SchoolEntity {
  /** BRIN plus location, e.g. `12AB00`. */
  @PrimaryColumn({ name: 'school_id', type: 'text' })
  schoolId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ name: 'region_name', type: 'text' })
  regionName: string;
}
