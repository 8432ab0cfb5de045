import { Module } from '@nestjs/common';
import { AmendClaim } from './application/amend-claim';
import { ClaimQueries } from './application/claim-queries';
import { CreateClaim } from './application/create-claim';
import { DecideClaim } from './application/decide-claim';
import { SubmitClaim } from './application/submit-claim';
import { ClaimsController } from './http/claims.controller';

/** Regions' claims, the ministry's decisions and amendments, and the ledger they write to. */
@Module({ controllers: [ClaimsController], providers: [CreateClaim, SubmitClaim, DecideClaim, AmendClaim, ClaimQueries], exports: [] })
export class ClaimsModule {}
