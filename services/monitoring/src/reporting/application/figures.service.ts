import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KAFKA_CONSUMED_TOPICS } from '@napl/messaging';
import { todayInAmsterdam } from '@napl/domain';
import { inTransaction } from '@napl/persistence';
import { enrolmentFigures } from '../../enrolments/application/enrolment-figures.query';
import { eligibilityFigures } from '../../money/application/eligibility-figures.query';
import { moneyFigures } from '../../money/application/money-figures.query';
import { participantFigures, participationPace } from '../../participation/application/participant-figures.query';
import { pathFigures } from '../../path-progress/application/path-figures.query';
import { qualityFigures } from '../../quality/application/quality-figures.query';
import type { ExportRow } from '../domain/csv';
import { forecastTarget } from '../domain/forecast';
import { FiguresError } from '../domain/figures.errors';
import { MONITORING_RULES_VERSION, PARTICIPANT_TARGET, TARGET_DATE } from '../domain/programme';
import { readFreshness, type TopicFreshness } from './topic-freshness';

export const FIGURE_TABLES = ['participants', 'enrolments', 'paths', 'quality', 'money', 'eligibility', 'forecast'] as const;
export type FigureTable = (typeof FIGURE_TABLES)[number];

/** What every answer carries besides its figures: the date they are as of, the rules they follow, and how fresh. */
export interface FiguresEnvelope<F> {
  readonly table: FigureTable;
  readonly asOf: string;
  readonly rulesVersion: string;
  /** Per source topic, the latest event time applied (null: nothing read yet). */
  readonly freshness: TopicFreshness[];
  readonly figures: F;
}

type Computed = { figures: object; rows: ExportRow[] };

const COMPUTE: Record<FigureTable, (manager: EntityManager, asOf: string) => Promise<Computed>> = {
  participants: participantFigures,
  enrolments: enrolmentFigures,
  paths: pathFigures,
  quality: qualityFigures,
  money: moneyFigures,
  eligibility: eligibilityFigures,
  forecast: async (manager, asOf) => {
    const forecast = forecastTarget({ asOf, ...(await participationPace(manager, asOf)), target: PARTICIPANT_TARGET, targetDate: TARGET_DATE });
    const rows: ExportRow[] = Object.entries(forecast).flatMap(([measure, value]): ExportRow[] => {
      if (value !== null && typeof value === 'object') {
        return Object.entries(value).map(([part, inner]) => ({ section: 'prognose', key: part, measure, value: inner as number | string | null, suppressed: null }));
      }
      return [{ section: 'prognose', key: '', measure, value: value as number | string | null, suppressed: null }];
    });
    return { figures: forecast, rows };
  },
};

/** Every figure of monitoring, as it stood at the end of a date (default: today in Amsterdam), from its read models. */
@Injectable()
export class FiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures<F = object>(table: FigureTable, asOf: string | undefined): Promise<FiguresEnvelope<F>> {
    const { envelope, computed } = await this.compute(table, asOf);
    return { ...envelope, figures: computed.figures as F };
  }

  /** The table flattened to export lines, with the same envelope. */
  async export(table: string, asOf: string | undefined): Promise<Omit<FiguresEnvelope<never>, 'figures'> & { rows: ExportRow[] }> {
    if (!(FIGURE_TABLES as readonly string[]).includes(table)) {
      throw new FiguresError('TABLE_NOT_FOUND', 'not-found', `Er is geen tabel '${table.slice(0, 40)}'; kies uit ${FIGURE_TABLES.join(', ')}.`);
    }
    const { envelope, computed } = await this.compute(table as FigureTable, asOf);
    return { ...envelope, rows: computed.rows };
  }

  private async compute(table: FigureTable, asOf: string | undefined) {
    const date = asOf ?? todayInAmsterdam();
    // One snapshot for the figures and the freshness, so they agree with each other (the first statement of the transaction).
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const computed = await COMPUTE[table](manager, date);
      const freshness = await readFreshness(manager, KAFKA_CONSUMED_TOPICS.monitoring.map((topic) => topic.name));
      return { envelope: { table, asOf: date, rulesVersion: MONITORING_RULES_VERSION, freshness }, computed };
    });
  }
}
