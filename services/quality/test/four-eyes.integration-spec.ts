import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@napl/auth';
import { QualityEvents } from '@napl/contracts';
import { QualityHarness, settle } from './quality-test-kit';

describe('quality with four eyes: a second assessor confirms before a decision takes effect', () => {
  let quality: QualityHarness;

  beforeAll(async () => {
    quality = await QualityHarness.start({ QUALITY_FOUR_EYES: 'true' });
  });

  afterAll(() => quality?.close());

  it('holds the decision until a different assessor confirms it', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: DEMO_IDS.providerHanze });
    await quality.scoreAll(assessment.id);
    const proposed = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, { outcome: 'approved', summary: 'Voldoet.' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'awaiting-confirmation', markId: null });

    const same = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: true });
    expect(same.status).toBe(403);
    expect(same.body.detail).toMatch(/tweede, andere beoordelaar/);
    const locked = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/scores`, {
      scores: [{ criterionCode: 'K1', met: false, justification: 'toch niet' }],
    });
    expect(locked.status).toBe(409);
    await settle(1000);
    expect(quality.events(quality.assessmentTopic, QualityEvents.OfferApproved, offerId)).toHaveLength(0);

    const confirmed = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
    const [approved] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferApproved, offerId);
    expect(approved.markId).toBe(confirmed.body.markId);

    const history = await quality.as('beoordelaar-1').get(`/v1/history?subjectType=assessment&subjectId=${assessment.id}`);
    expect(history.body.at(-1)).toMatchObject({
      action: 'decision-taken',
      actor: 'demo-beoordelaar-2',
      details: { proposedBy: 'demo-beoordelaar-1', confirmedBy: 'demo-beoordelaar-2' },
    });
  });

  it('sends a decision back to scoring when the second assessor disagrees, with a reason', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: DEMO_IDS.providerWindesheim });
    await quality.scoreAll(assessment.id);
    await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, { outcome: 'rejected', summary: 'Te licht.' });
    expect((await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: false })).status).toBe(400);
    const back = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, {
      agree: false,
      reason: 'De scores ondersteunen geen afwijzing.',
    });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('open');
    expect((await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: true })).status).toBe(409);
    await settle(1000);
    expect(quality.events(quality.assessmentTopic, QualityEvents.OfferRejected, offerId)).toHaveLength(0);
  });
});
