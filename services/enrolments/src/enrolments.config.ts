import { ServiceConfig } from '@napl/service-kit';

export class EnrolmentsConfig extends ServiceConfig {
  override PORT = 3104;
}
