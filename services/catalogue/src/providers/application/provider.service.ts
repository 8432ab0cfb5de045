import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { CatalogueError } from '../../shared/catalogue.error';
import type { Page } from '../../shared/pagination';
import { mayManage, providerIdOf } from '../../shared/principal-scope';
import { isKvkNumber, normaliseKvkNumber } from '../domain/kvk-number';
import { ProviderEntity } from '../infrastructure/provider.entity';

export interface ProviderRegistration {
  providerId?: string;
  name: string;
  kvkNumber: string;
  contactEmail: string;
  contactPhone?: string;
  websiteUrl?: string;
}

export interface ProviderView {
  providerId: string;
  name: string;
  kvkNumber: string;
  websiteUrl: string | null;
  /** Only for the provider itself and admins. */
  contactEmail?: string;
  contactPhone?: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Providers are registered by an admin (the platform's beheerder), not by self-registration: a provider user's
 * token carries the provider id, which an identity provider (eHerkenning) can only issue for an organisation the
 * platform knows. Registering checks the KvK number's form; checking it in the KvK's register is the admin's task.
 */
@Injectable()
export class ProviderService {
  constructor(private readonly dataSource: DataSource) {}

  async register(registration: ProviderRegistration): Promise<ProviderView> {
    const kvkNumber = normaliseKvkNumber(registration.kvkNumber);
    if (!isKvkNumber(kvkNumber)) {
      throw new CatalogueError('KVK_NUMBER_INVALID', 'invalid', 'Het KvK-nummer moet uit 8 cijfers bestaan.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(ProviderEntity);
      if (await repository.existsBy({ kvkNumber })) {
        throw new CatalogueError('KVK_NUMBER_INVALID', 'conflict', 'Er is al een aanbieder met dit KvK-nummer geregistreerd.');
      }
      const now = new Date();
      const provider = repository.create({
        id: registration.providerId ?? randomUUID(),
        name: registration.name.trim(),
        kvkNumber,
        contactEmail: registration.contactEmail,
        contactPhone: registration.contactPhone ?? null,
        websiteUrl: registration.websiteUrl ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await repository.insert(provider);
      return providerView(provider, true);
    });
  }

  async get(principal: Principal, id: string): Promise<ProviderView> {
    const provider = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id });
    if (!provider) throw new CatalogueError('PROVIDER_NOT_FOUND', 'not-found', 'Deze aanbieder bestaat niet.');
    return providerView(provider, mayManage(principal, provider.id));
  }

  async mine(principal: Principal): Promise<ProviderView> {
    const id = providerIdOf(principal);
    const provider = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id });
    if (!provider) throw new CatalogueError('PROVIDER_NOT_REGISTERED', 'not-found', 'Uw organisatie is nog niet als aanbieder geregistreerd.');
    return providerView(provider, true);
  }

  async list(principal: Principal, page: number, pageSize: number, kvkNumber?: string): Promise<Page<ProviderView>> {
    const [providers, total] = await this.dataSource.getRepository(ProviderEntity).findAndCount({
      where: kvkNumber ? { kvkNumber: normaliseKvkNumber(kvkNumber) } : {},
      order: { name: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: providers.map((provider) => providerView(provider, mayManage(principal, provider.id))), page, pageSize, total };
  }
}

function providerView(provider: ProviderEntity, withContact: boolean): ProviderView {
  return {
    providerId: provider.id,
    name: provider.name,
    kvkNumber: provider.kvkNumber,
    websiteUrl: provider.websiteUrl,
    ...(withContact ? { contactEmail: provider.contactEmail, contactPhone: provider.contactPhone } : {}),
    createdAt: provider.createdAt.toISOString(),
    updatedAt: provider.updatedAt.toISOString(),
  };
}
