import { Module } from '@nestjs/common';
import { OffersModule } from '../offers/offers.module';
import { ProviderService } from './application/provider.service';
import { ProvidersController } from './http/providers.controller';

/** Provider registration and the provider's own views. */
@Module({ imports: [OffersModule], providers: [ProviderService], controllers: [ProvidersController] })
export class ProvidersModule {}
