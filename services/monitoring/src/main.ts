import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { MonitoringConfig } from './monitoring.config';
import { MONITORING_SERVICE } from './monitoring.description';
import { MonitoringModule } from './monitoring.module';
import { runRebuildCommand } from './rebuild/rebuild.command';

// `rebuild` is monitoring's own command; the platform's (migrate, outbox:resend, events:redrive) go through runService.
if (process.argv[2] === 'rebuild') void runRebuildCommand();
else void runService(MonitoringConfig, (config) => MonitoringModule.forRoot(config), MONITORING_SERVICE);
