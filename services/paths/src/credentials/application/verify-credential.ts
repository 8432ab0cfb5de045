import { Injectable } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { verifyCredential, type Verification } from '../infrastructure/credential-jws';
import { CredentialIssuer } from './credential-issuer';

/** Anyone (an employer, a school board, a wallet) checks a badge against the platform's current and retired keys. */
@Injectable()
export class VerifyCredential {
  constructor(private readonly issuer: CredentialIssuer) {}

  execute(credential: string): Promise<Verification> {
    return verifyCredential(credential, this.issuer.keys.jwks);
  }

  /** The public keys, for verifiers that check badges themselves. */
  keySet(): JSONWebKeySet {
    return this.issuer.keys.jwks;
  }
}
