import { Module } from '@nestjs/common';
import { PortalApi } from './application/portal-api';

/** What every area of the portal's pages uses: the way to the services as the signed-in user. */
@Module({ providers: [PortalApi], exports: [PortalApi] })
export class PortalCoreModule {}
