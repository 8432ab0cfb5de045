import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { GatewayConfig } from './gateway.config';
import { GATEWAY_SERVICE } from './gateway.description';
import { GatewayModule } from './gateway.module';

void runService(GatewayConfig, (config) => GatewayModule.forRoot(config), GATEWAY_SERVICE);
