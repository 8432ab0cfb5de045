import { renderDocument } from '../../ui/layout';
import { CasePage } from './assessment-pages';
import type { Assessment, AssessmentDetail } from './quality-api';

const assessment: Assessment = {
  id: '63e3f349-10bd-4a21-abbe-6e6ab0587d88',
  offerId: 'c5159d48-2727-4fbf-8db8-1f324cd92f89',
  offerVersion: 1,
  providerId: '11111111-1111-4111-8111-000000000001',
  offerTitle: 'Feedback in de rekenles',
  kind: 'submission',
  frameworkVersion: 1,
  status: 'awaiting-confirmation',
  openedAt: '2026-11-30T10:00:00Z',
  proposal: { outcome: 'approved', summary: 'Voldoet', conditions: [], conditionsDeadline: null, proposedAt: '2026-11-30T11:00:00Z', proposedBy: 'demo-beoordelaar-1' },
  outcome: null,
  summary: null,
  conditions: [],
  conditionsDeadline: null,
  decidedAt: null,
  markId: null,
};

const detail: AssessmentDetail = {
  assessment,
  criteria: [{ code: 'K1', title: 'Vraaggestuurd', description: 'd', evidence: 'e', required: true }],
  scores: [{ criterionCode: 'K1', met: true, score: 4, justification: 'Goed', scoredAt: '2026-11-30T10:30:00Z' }],
};

const render = (subject: string) =>
  renderDocument(<CasePage detail={detail} history={[]} providerName="Hanze" subject={subject} values={{}} idempotencyKey="k" />, { path: `/beoordelen/${assessment.id}` });

describe('the case page with four eyes', () => {
  it('asks a second assessor to confirm the proposed decision', () => {
    const html = render('demo-beoordelaar-2');
    expect(html).toContain('Bevestigt u deze beslissing?');
    expect(html).toContain(`action="/beoordelen/${assessment.id}/bevestiging"`);
  });

  it('tells the assessor who proposed it that another must confirm', () => {
    const html = render('demo-beoordelaar-1');
    expect(html).not.toContain('Bevestigt u deze beslissing?');
    expect(html).toContain('Een tweede, andere beoordelaar moet haar bevestigen');
  });
});
