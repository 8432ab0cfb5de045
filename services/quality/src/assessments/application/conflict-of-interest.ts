import type { EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { QualityError } from '../../shared/quality-error';
import { AssessorLinkEntity } from '../infrastructure/assessment.entities';

/**
 * An assessor registered as linked to the provider, or whose token is scoped to that provider, may not judge its
 * offers: not in an assessment, and not when declaring a mark's conditions met either.
 */
export async function refuseConflictOfInterest(manager: EntityManager, providerId: string, principal: Principal): Promise<void> {
  const ownProvider = Boolean(principal.providerId) && principal.providerId === providerId;
  const linked = ownProvider || (await manager.existsBy(AssessorLinkEntity, { assessorSubject: principal.subject, providerId }));
  if (linked) {
    throw new QualityError(
      'CONFLICT_OF_INTEREST',
      'forbidden',
      'U bent verbonden aan de aanbieder van dit aanbod en mag het daarom niet beoordelen (belangenverstrengeling).',
    );
  }
}
