import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { recordHistory } from '../../history/application/record-history';
import { QualityError } from '../../shared/quality-error';
import { AssessorLinkEntity } from '../infrastructure/assessment.entities';

/** Links between assessors and providers, registered by admins; a linked assessor may not judge that provider. */
@Injectable()
export class AssessorLinksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(assessorSubject?: string): Promise<AssessorLinkEntity[]> {
    return this.dataSource.getRepository(AssessorLinkEntity).find({
      where: assessorSubject ? { assessorSubject } : {},
      order: { registeredAt: 'ASC' },
    });
  }

  async register(assessorSubject: string, providerId: string, description: string, actor: string): Promise<AssessorLinkEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AssessorLinkEntity)
        .values({ assessorSubject, providerId, description, registeredBy: actor, registeredAt: new Date() })
        .orIgnore()
        .returning('*')
        .execute();
      if (inserted.raw.length === 0) {
        throw new QualityError('LINK_EXISTS', 'conflict', 'Deze beoordelaar is al aan deze aanbieder verbonden.');
      }
      await recordHistory(manager, {
        subjectType: 'assessor-link',
        subjectId: `${assessorSubject}:${providerId}`,
        action: 'assessor-linked',
        actor,
        reason: description,
      });
      return manager.findOneByOrFail(AssessorLinkEntity, { assessorSubject, providerId });
    });
  }

  async remove(assessorSubject: string, providerId: string, actor: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const result = await manager.delete(AssessorLinkEntity, { assessorSubject, providerId });
      if (!result.affected) throw new QualityError('OUT_OF_SCOPE', 'not-found', 'Deze koppeling bestaat niet.');
      await recordHistory(manager, {
        subjectType: 'assessor-link',
        subjectId: `${assessorSubject}:${providerId}`,
        action: 'assessor-unlinked',
        actor,
      });
    });
  }
}
