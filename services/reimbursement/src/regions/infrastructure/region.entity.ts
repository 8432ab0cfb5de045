import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An education region (onderwijsregio). The ministry manages the list as data; a region is closed, never deleted. */
@Entity({ name: 'region' })
export class RegionEntity {
  /** A readable slug, e.g. `utrecht-stad`: the id tokens and events name the region by. */
  @PrimaryColumn({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ type: 'text' })
  name: string;

  /** `area` for a region on municipal borders, `national` for the four national ones (green education, …). */
  @Column({ type: 'text' })
  kind: string;

  /** The lead applicant (penvoerder): the organisation that receives the region's payments. */
  @Column({ name: 'lead_applicant', type: 'text', default: '' })
  leadApplicant: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
