import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { startDevelopmentIssuer, type DevelopmentIssuerOptions, type RunningIssuer } from '../infrastructure/development-issuer';

/**
 * Where users sign in: the configured issuer, or the development issuer this gateway starts itself (then its URL is
 * known once it listens). Provided by SignInModule.
 */
export class IssuerRuntime implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SignIn');
  private running?: RunningIssuer;
  private readonly started: Promise<string>;
  private resolveUrl!: (url: string) => void;
  private rejectUrl!: (error: Error) => void;

  constructor(
    private readonly configured: string | undefined,
    private readonly development: DevelopmentIssuerOptions,
  ) {
    this.started = new Promise<string>((resolve, reject) => {
      this.resolveUrl = resolve;
      this.rejectUrl = reject;
    });
    // Nobody may be waiting yet; a failed start is reported when a sign-in asks.
    this.started.catch(() => undefined);
  }

  issuerUrl(): Promise<string> {
    return this.started;
  }

  async onModuleInit(): Promise<void> {
    if (this.configured) return this.resolveUrl(this.configured);
    try {
      this.running = await startDevelopmentIssuer(this.development);
      this.logger.log(`development issuer (demo accounts) at ${this.running.url}`);
      this.resolveUrl(this.running.url);
    } catch (error) {
      this.logger.error(`development issuer did not start: ${(error as Error).message}`);
      this.rejectUrl(error as Error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.running?.close();
  }
}
