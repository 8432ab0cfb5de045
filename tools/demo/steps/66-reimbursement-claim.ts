import type { DemoClient } from '../demo-client';

interface Outcome {
  enrolmentId: string;
  amountCents: number;
}

interface Claim {
  claimId: string;
  status: string;
  lineCount: number;
  totalCents: number;
}

const REGION = 'utrecht-stad';
/** Claimed now; the rest stays eligible, for a demo user to claim. */
const LINES_CLAIMED = 6;

/**
 * Utrecht Stad claims part of its eligible enrolments and the ministry approves the claim, so the region has money
 * committed on an open statement and still has eligible enrolments left to claim. Idempotent: once the region has a
 * claim, nothing more is claimed (the same Idempotency-Keys also make a repeat of an interrupted run safe).
 */
export default async function reimbursementClaim(client: DemoClient): Promise<string> {
  const claims = await client.all<Claim>('regio-utrecht-stad', 'reimbursement', '/v1/claims');
  if (claims.length === 0) {
    const eligible = await client.all<Outcome>('regio-utrecht-stad', 'reimbursement', `/v1/regions/${REGION}/enrolments?reason=ELIGIBLE`);
    const enrolmentIds = eligible.slice(0, LINES_CLAIMED).map((outcome) => outcome.enrolmentId);
    if (enrolmentIds.length === 0) return `${REGION}: no eligible enrolments to claim`;
    const draft = await client.expect<Claim>([201], 'regio-utrecht-stad', 'reimbursement', 'POST', '/v1/claims', { enrolmentIds, reference: 'Studiedag Hanze' }, {
      'Idempotency-Key': `demo-claim-${REGION}`,
    });
    await client.expect([200], 'regio-utrecht-stad', 'reimbursement', 'POST', `/v1/claims/${draft.body.claimId}/submit`, undefined, {
      'Idempotency-Key': `demo-claim-submit-${REGION}`,
    });
    await client.expect([200], 'ministerie-ocw', 'reimbursement', 'POST', `/v1/claims/${draft.body.claimId}/decision`, { decision: 'approved' }, {
      'Idempotency-Key': `demo-claim-decision-${REGION}`,
    });
  }
  const [claim] = await client.all<Claim>('regio-utrecht-stad', 'reimbursement', '/v1/claims');
  const left = await client.all<Outcome>('regio-utrecht-stad', 'reimbursement', `/v1/regions/${REGION}/enrolments?reason=ELIGIBLE`);
  return `${REGION}: claim of ${claim.lineCount} lines ${claim.status}, ${left.length} eligible enrolments left to claim`;
}
