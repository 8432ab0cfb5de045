import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { CatalogueError } from '../../shared/catalogue.error';
import { ProviderChangeEntity, type ChangeKind } from '../infrastructure/provider-change.entity';

export interface ChangeView {
  cursor: string;
  offerId: string;
  offerVersion: number;
  kind: ChangeKind;
  detail: Record<string, unknown>;
  occurredAt: string;
}

export interface ChangeFeedPage {
  items: ChangeView[];
  /** Pass as `after` next time; the same cursor when nothing new happened. */
  nextCursor: string;
  hasMore: boolean;
}

/** The decisions on a provider's offers, in order, so a provider's system follows them without polling every offer. */
@Injectable()
export class ChangeFeedService {
  constructor(private readonly dataSource: DataSource) {}

  async read(providerId: string, after: string | undefined, limit: number): Promise<ChangeFeedPage> {
    const from = after === undefined || after === '' ? '0' : after;
    if (!/^\d{1,18}$/.test(from)) {
      throw new CatalogueError('CURSOR_INVALID', 'invalid', 'De cursor is ongeldig; gebruik de nextCursor van een eerder antwoord.');
    }
    const rows = await this.dataSource.getRepository(ProviderChangeEntity).find({
      where: { providerId, position: MoreThan(from) },
      order: { position: 'ASC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map((row) => ({
      cursor: row.position,
      offerId: row.offerId,
      offerVersion: row.offerVersion,
      kind: row.kind,
      detail: row.detail,
      occurredAt: row.occurredAt.toISOString(),
    }));
    return { items, nextCursor: items.at(-1)?.cursor ?? from, hasMore: rows.length > limit };
  }
}
