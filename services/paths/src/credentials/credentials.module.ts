import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { CredentialIssuer, issuerUrlOf } from './application/credential-issuer';
import { IssueCredential } from './application/issue-credential';
import { VerifyCredential } from './application/verify-credential';
import { CredentialsController } from './http/credentials.controller';
import { loadCredentialKeys, type CredentialKeySettings } from './infrastructure/credential-keys';

export type CredentialsSettings = CredentialKeySettings & { readonly CREDENTIALS_ISSUER_URL?: string };

/**
 * Verifiable credentials: a teacher's completed step or path as an Open Badges 3.0 badge signed by the platform, its
 * public keys, and a verify endpoint for anyone. The keys are loaded at start-up: a production service without a
 * configured key does not start.
 */
@Module({})
export class CredentialsModule {
  static forRoot(settings: CredentialsSettings): DynamicModule {
    return {
      module: CredentialsModule,
      providers: [
        {
          provide: CredentialIssuer,
          useFactory: async () => {
            const keys = await loadCredentialKeys(settings);
            if (keys.warning) new Logger('CredentialsModule').warn(keys.warning);
            return new CredentialIssuer(issuerUrlOf(settings), keys);
          },
        },
        IssueCredential,
        VerifyCredential,
      ],
      controllers: [CredentialsController],
    };
  }
}
