import { Module } from '@nestjs/common';
import { PortalApi } from './application/portal-api';
import { ReferenceDataCache } from './application/reference-data-cache';

/** What every area of the portal's pages uses: the way to the services as the signed-in user, and a short cache of reference data. */
@Module({ providers: [PortalApi, ReferenceDataCache], exports: [PortalApi, ReferenceDataCache] })
export class PortalCoreModule {}
