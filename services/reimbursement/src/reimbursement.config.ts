import { ServiceConfig } from '@napl/service-kit';

export class ReimbursementConfig extends ServiceConfig {
  override PORT = 3105;
}
