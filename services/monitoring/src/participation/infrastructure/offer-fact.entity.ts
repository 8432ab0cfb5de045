import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An offer's format (course, coaching, …), from the catalogue's OfferPublished/OfferUpdated: the newest revision wins. */
@Entity({ name: 'offer_fact' })
export class OfferFactEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'text' })
  offerId: string;

  /** Empty when the catalogue did not send one. */
  @Column({ type: 'text' })
  format: string;

  /** The catalogue's revision of the offer (0 before revisions existed; then the event time orders). */
  @Column({ type: 'bigint' })
  revision: string;

  @Column({ name: 'event_at', type: 'timestamptz' })
  eventAt: Date;
}
