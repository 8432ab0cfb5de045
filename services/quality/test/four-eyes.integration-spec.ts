import { randomUUID } from 'node:crypto';
import { DEMO_IDS, type Principal } from '@napl/auth';
import { QualityEvents } from '@napl/contracts';
import { isoDateInDays } from '@napl/testing';
import { QualityHarness } from './quality-test-kit';

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
    await quality.assessmentTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.assessmentTopic, QualityEvents.OfferApproved, offerId)).toHaveLength(0);

    const confirmed = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('approved');
    const [approved] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferApproved, offerId);
    expect(approved.markId).toBe(confirmed.body.markId);

    const history = await quality.as('beoordelaar-1').get(`/v1/history?subjectType=assessment&subjectId=${assessment.id}`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'decision-taken',
      actor: 'demo-beoordelaar-2',
      details: { proposedBy: 'demo-beoordelaar-1', confirmedBy: 'demo-beoordelaar-2' },
    });
  });

  it('never shows a provider which assessor proposed the decision', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: DEMO_IDS.providerHanze });
    await quality.scoreAll(assessment.id);
    const proposed = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, { outcome: 'approved', summary: 'Voldoet.' });
    expect(proposed.status).toBe(200);
    // Assessors need to know who proposed it (four eyes).
    expect(proposed.body.proposal).toMatchObject({ outcome: 'approved', proposedBy: 'demo-beoordelaar-1' });
    expect((await quality.as('beoordelaar-2').get(`/v1/assessments/${assessment.id}`)).body.assessment.proposal.proposedBy).toBe('demo-beoordelaar-1');

    const providerAndTeacher: Principal = { subject: 'test-opleider-docent', roles: ['provider', 'teacher'], providerId: DEMO_IDS.providerHanze };
    for (const account of ['opleider-hanze', providerAndTeacher] as const) {
      const list = await quality.as(account).get(`/v1/assessments?offerId=${offerId}`);
      const detail = await quality.as(account).get(`/v1/assessments/${assessment.id}`);
      expect(list.status).toBe(200);
      expect(detail.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({ id: assessment.id, status: 'awaiting-confirmation', proposal: { outcome: 'approved', summary: 'Voldoet.' } });
      expect(detail.body.assessment.proposal).toMatchObject({ outcome: 'approved' });
      for (const body of [list.body, detail.body]) {
        expect(JSON.stringify(body)).not.toMatch(/proposedBy|scoredBy|demo-beoordelaar/);
      }
    }
  });

  it('refuses conditions or an impossible deadline on a rejection, so a confirmation cannot fail on them later', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: DEMO_IDS.providerWindesheim });
    await quality.scoreAll(assessment.id, ['K2']);
    // A date that does not exist is refused at the edge, before the decision rules see it.
    const impossible = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, {
      outcome: 'rejected',
      summary: 'Onvoldoende onderbouwd.',
      conditionsDeadline: '2027-02-30',
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body).toMatchObject({ code: 'INVALID_INPUT', errors: [{ field: 'conditionsDeadline', messages: ['moet een bestaande datum zijn (JJJJ-MM-DD)'] }] });
    const refused = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, {
      outcome: 'rejected',
      summary: 'Onvoldoende onderbouwd.',
      conditions: ['Onderbouwing aanvullen'],
      conditionsDeadline: isoDateInDays(60),
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'DECISION_INVALID' });
    expect(refused.body.detail).toMatch(/alleen bij een goedkeuring onder voorwaarden/);
    expect((await quality.as('beoordelaar-1').get(`/v1/assessments/${assessment.id}`)).body.assessment).toMatchObject({ status: 'open', proposal: null });

    const proposed = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, { outcome: 'rejected', summary: 'Onvoldoende onderbouwd.' });
    expect(proposed.status).toBe(200);
    const confirmed = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/confirmation`, { agree: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'rejected', conditions: [], conditionsDeadline: null });
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
    await quality.assessmentTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.assessmentTopic, QualityEvents.OfferRejected, offerId)).toHaveLength(0);
  });
});
