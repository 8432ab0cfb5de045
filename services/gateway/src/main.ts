import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { GatewayConfig } from './gateway.config';
import { GATEWAY_SERVICE } from './gateway.description';
import { GatewayModule } from './gateway.module';

const config = loadConfig(GatewayConfig);
void runService(GatewayModule.forRoot(config), config, GATEWAY_SERVICE);
