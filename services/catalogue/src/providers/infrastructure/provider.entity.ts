import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation that offers professionalisation; its users' tokens carry its id (napl_provider_id). */
@Entity({ name: 'provider' })
export class ProviderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'kvk_number', type: 'varchar', length: 8, unique: true })
  kvkNumber: string;

  /** The organisation's contact point (e.g. info@...), not a person's key; shown only to the provider and admins. */
  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'website_url', type: 'text', nullable: true })
  websiteUrl: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
