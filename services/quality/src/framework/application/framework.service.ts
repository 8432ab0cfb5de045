import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { recordHistory } from '../../history/application/record-history';
import { QualityError } from '../../shared/quality-error';
import { frameworkProblems, type Criterion, type Framework } from '../domain/framework';
import { FrameworkCriterionEntity, FrameworkVersionEntity } from '../infrastructure/framework.entities';

/** Reads and publishes versions of the quality framework. */
@Injectable()
export class FrameworkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest version; new assessments are judged on it. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<Framework> {
    const [latest] = await manager.find(FrameworkVersionEntity, { order: { version: 'DESC' }, take: 1 });
    if (!latest) throw new QualityError('FRAMEWORK_NOT_FOUND', 'not-found', 'Er is nog geen kwaliteitskader gepubliceerd.');
    return this.load(latest, manager);
  }

  async byVersion(version: number, manager: EntityManager = this.dataSource.manager): Promise<Framework> {
    const found = await manager.findOneBy(FrameworkVersionEntity, { version });
    if (!found) throw new QualityError('FRAMEWORK_NOT_FOUND', 'not-found', `Versie ${version} van het kwaliteitskader bestaat niet.`);
    return this.load(found, manager);
  }

  async versions(): Promise<FrameworkVersionEntity[]> {
    return this.dataSource.getRepository(FrameworkVersionEntity).find({ order: { version: 'ASC' } });
  }

  /** Publishes the next version. Assessments already open keep the version they were opened with. */
  async publish(criteria: Criterion[], notes: string, actor: string): Promise<Framework> {
    const problems = frameworkProblems(criteria);
    if (problems.length > 0) throw new QualityError('FRAMEWORK_INVALID', 'invalid', problems.join(' '), { problems });
    return inTransaction(this.dataSource, async (manager) => {
      // Serialises concurrent publications, so two never get the same number.
      await manager.query(`LOCK TABLE ${manager.connection.getMetadata(FrameworkVersionEntity).tablePath} IN EXCLUSIVE MODE`);
      const [{ next }] = await manager.query(
        `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM ${manager.connection.getMetadata(FrameworkVersionEntity).tablePath}`,
      );
      const version = Number(next);
      const saved = await manager.save(FrameworkVersionEntity, { version, notes, publishedAt: new Date(), publishedBy: actor });
      await manager.insert(
        FrameworkCriterionEntity,
        criteria.map((criterion, position) => ({ ...criterion, code: criterion.code.trim().toUpperCase(), frameworkVersion: version, position })),
      );
      await recordHistory(manager, {
        subjectType: 'framework',
        subjectId: String(version),
        action: 'framework-published',
        actor,
        reason: notes,
        details: { criteria: criteria.map((criterion) => criterion.code.trim().toUpperCase()) },
      });
      return this.load(saved, manager);
    });
  }

  private async load(version: FrameworkVersionEntity, manager: EntityManager): Promise<Framework> {
    const criteria = await manager.find(FrameworkCriterionEntity, {
      where: { frameworkVersion: version.version },
      order: { position: 'ASC' },
    });
    return {
      version: version.version,
      publishedAt: version.publishedAt,
      notes: version.notes,
      criteria: criteria.map(({ code, title, description, evidence, required }) => ({ code, title, description, evidence, required })),
    };
  }
}
