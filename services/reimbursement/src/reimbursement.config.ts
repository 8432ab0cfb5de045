import { ServiceConfig } from '@napl/service-kit';

export class ReimbursementConfig extends ServiceConfig {
  override PORT = 3105;
  /** A claim of 5,000 enrolment ids is about 200 kB of JSON; the platform's default of 100 kB would refuse it. */
  override HTTP_BODY_LIMIT_BYTES = 256 * 1024;
}
