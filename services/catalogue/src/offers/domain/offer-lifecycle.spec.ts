import type { OfferContent } from './offer-content';
import { contentProblems } from './offer-content';
import {
  applyEdit,
  approve,
  assertDeletable,
  assertTakesRuns,
  markLapsed,
  reinstate,
  reject,
  submit,
  withdraw,
  type OfferState,
  type VersionState,
} from './offer-lifecycle';
import { publicationRules, publicationRulesOn } from './publication-rules';

const now = new Date('2026-11-30T10:00:00Z');

function content(overrides: Partial<OfferContent> = {}): OfferContent {
  return {
    title: 'Formatief handelen in de klas',
    summary: 'Leer formatief evalueren in je eigen lespraktijk.',
    description: 'In zes bijeenkomsten oefen je met leerdoelen, succescriteria en feedback, en pas je dit toe in je eigen klas met collegiale observatie.',
    sectors: ['vo'],
    format: 'training',
    deliveryMode: 'blended',
    studyLoadHours: 24,
    priceCents: 45_000,
    priceCovers: 'Materiaal en lunch',
    regionIds: ['utrecht-stad'],
    national: false,
    language: 'nl',
    learningOutcomes: ['Je formuleert leerdoelen en succescriteria'],
    pathStepCodes: ['SV-2'],
    teamProgramme: false,
    minGroupSize: 6,
    maxGroupSize: 16,
    ...overrides,
  };
}

function newOffer(): { offer: OfferState; v1: VersionState } {
  const offer: OfferState = {
    id: 'o1',
    providerId: 'p1',
    status: 'draft',
    latestVersion: 1,
    publishedVersion: null,
    currentMarkId: null,
    markValidUntil: null,
    suspendedReason: null,
    withdrawnReason: null,
    statusBeforeWithdrawal: null,
    updatedAt: new Date(0),
  };
  const v1: VersionState = {
    ...content(),
    offerId: 'o1',
    version: 1,
    status: 'draft',
    rulesVersion: null,
    rejection: null,
    submittedAt: null,
    publishedAt: null,
    updatedAt: new Date(0),
  };
  return { offer, v1 };
}

function published(): { offer: OfferState; v1: VersionState } {
  const { offer, v1 } = newOffer();
  submit(offer, v1, now);
  approve(offer, v1, null, { markId: 'm1', validUntil: null }, now);
  return { offer, v1 };
}

describe('offer content rules', () => {
  it('accepts consistent content', () => {
    expect(contentProblems(content())).toEqual([]);
  });

  it('names each inconsistency', () => {
    const fields = contentProblems(content({ minGroupSize: 20, maxGroupSize: 10, national: true })).map((p) => p.field);
    expect(fields).toEqual(['maxGroupSize', 'regionIds']);
    expect(contentProblems(content({ regionIds: [] }))[0].field).toBe('regionIds');
    expect(contentProblems(content({ format: 'team-programme', teamProgramme: false }))[0].field).toBe('teamProgramme');
  });
});

describe('publication rules', () => {
  it('applies the rules in force on the day, newer rules from their date on', () => {
    expect(publicationRulesOn('2025-06-01').version).toBe(1);
    expect(publicationRulesOn('2026-11-30').version).toBe(2);
  });

  it('v2 wants a path step that v1 did not', () => {
    const withoutSteps = content({ pathStepCodes: [] });
    expect(publicationRules(1)!.check(withoutSteps)).toEqual([]);
    expect(publicationRules(2)!.check(withoutSteps).map((p) => p.field)).toEqual(['pathStepCodes']);
  });
});

describe('offer lifecycle', () => {
  it('submits a draft under the current rules and refuses it when rules are not met', () => {
    const { offer, v1 } = newOffer();
    v1.learningOutcomes = [];
    expect(() => submit(offer, v1, now)).toThrow(expect.objectContaining({ code: 'OFFER_RULES_NOT_MET' }));
    v1.learningOutcomes = ['x'];
    submit(offer, v1, now);
    expect(offer.status).toBe('submitted');
    expect(v1).toMatchObject({ status: 'submitted', rulesVersion: 2, submittedAt: now });
    expect(() => submit(offer, v1, now)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_SUBMITTABLE' }));
  });

  it('publishes only a submitted version on approval', () => {
    const { offer, v1 } = newOffer();
    expect(approve(offer, v1, null, { markId: 'm1', validUntil: null }, now)).toEqual({ kind: 'none' });
    expect(offer.status).toBe('draft');
    submit(offer, v1, now);
    expect(approve(offer, v1, null, { markId: 'm1', validUntil: null }, now)).toEqual({ kind: 'published', version: 1, firstPublication: true });
    expect(offer).toMatchObject({ status: 'published', publishedVersion: 1, currentMarkId: 'm1' });
    // A repeated decision changes nothing.
    expect(approve(offer, v1, v1, { markId: 'm1', validUntil: null }, now)).toEqual({ kind: 'none' });
  });

  it('sends a rejected version back to draft with the reasons', () => {
    const { offer, v1 } = newOffer();
    submit(offer, v1, now);
    const rejection = { summary: 'Te weinig praktijk', reasons: [{ criterionCode: 'K3', reason: 'Geen toepassing in de klas' }], decidedAt: now.toISOString() };
    expect(reject(offer, v1, rejection, now)).toEqual({ kind: 'rejected' });
    expect(offer.status).toBe('draft');
    expect(v1).toMatchObject({ status: 'draft', rejection });
    submit(offer, v1, now);
    expect(v1.rejection).toBeNull();
  });

  it('edits a draft in place but makes a new version of a published offer, which stays published meanwhile', () => {
    const { offer, v1 } = published();
    const v2 = applyEdit(offer, v1, content({ title: 'Nieuwe titel' }), now);
    expect(v2).toMatchObject({ version: 2, status: 'draft', title: 'Nieuwe titel' });
    expect(v1.title).toBe('Formatief handelen in de klas');
    expect(offer).toMatchObject({ status: 'published', publishedVersion: 1, latestVersion: 2 });

    expect(applyEdit(offer, v2, content({ title: 'Nog eens' }), now)).toBe(v2);
    submit(offer, v2, now);
    expect(offer.status).toBe('published');
    expect(() => applyEdit(offer, v2, content(), now)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_EDITABLE' }));

    expect(approve(offer, v2, v1, { markId: 'm2', validUntil: null }, now)).toEqual({ kind: 'published', version: 2, firstPublication: false });
    expect(v1.status).toBe('superseded');
    expect(offer.publishedVersion).toBe(2);
  });

  it('suspends on a lapse of the current mark only, and a new approval publishes again', () => {
    const { offer, v1 } = published();
    expect(markLapsed(offer, 'some-older-mark', 'verlopen', now)).toEqual({ kind: 'none' });
    expect(offer.status).toBe('published');
    expect(markLapsed(offer, 'm1', 'Het kwaliteitskeurmerk is verlopen.', now)).toEqual({ kind: 'suspended', reason: 'Het kwaliteitskeurmerk is verlopen.' });
    expect(offer).toMatchObject({ status: 'suspended', currentMarkId: null });
    expect(() => assertTakesRuns(offer)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_PUBLISHED' }));
    expect(approve(offer, v1, v1, { markId: 'm9', validUntil: null }, now)).toEqual({ kind: 'published', version: 1, firstPublication: true });
  });

  it('withdraws, and an admin can undo it; a mark that lapsed meanwhile leaves it suspended', () => {
    const { offer } = published();
    withdraw(offer, 'Geen trainers beschikbaar', now);
    expect(offer).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Geen trainers beschikbaar' });
    expect(() => withdraw(offer, 'x', now)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_WITHDRAWABLE' }));
    expect(reinstate(offer, now)).toBe('published');

    withdraw(offer, 'per ongeluk', now);
    markLapsed(offer, 'm1', 'verlopen', now);
    expect(reinstate(offer, now)).toBe('suspended');
    expect(() => reinstate(offer, now)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_WITHDRAWN' }));
  });

  it('follows the new mark when the published version is approved again, so a lapse of that mark suspends', () => {
    const { offer, v1 } = published();
    const until = new Date('2029-08-01T00:00:00Z');
    const later = new Date('2026-12-01T10:00:00Z');
    expect(approve(offer, v1, v1, { markId: 'm2', validUntil: until }, later)).toEqual({ kind: 'mark-renewed', version: 1 });
    expect(offer).toMatchObject({ status: 'published', currentMarkId: 'm2', markValidUntil: until, updatedAt: later });
    // The same mark again (redelivery) changes nothing.
    expect(approve(offer, v1, v1, { markId: 'm2', validUntil: until }, new Date('2026-12-02T00:00:00Z'))).toEqual({ kind: 'none' });
    expect(offer.updatedAt).toEqual(later);
    expect(markLapsed(offer, 'm1', 'verlopen', now)).toEqual({ kind: 'none' });
    expect(markLapsed(offer, 'm2', 'ingetrokken', now)).toEqual({ kind: 'suspended', reason: 'ingetrokken' });
    expect(offer).toMatchObject({ status: 'suspended', currentMarkId: null, markValidUntil: null });
  });

  it('follows a new mark that arrives while withdrawn; undoing the withdrawal then publishes', () => {
    const { offer, v1 } = published();
    withdraw(offer, 'per ongeluk', now);
    markLapsed(offer, 'm1', 'verlopen', now);
    expect(approve(offer, v1, v1, { markId: 'm2', validUntil: null }, now)).toEqual({ kind: 'mark-renewed', version: 1 });
    expect(offer).toMatchObject({ status: 'withdrawn', currentMarkId: 'm2' });
    expect(reinstate(offer, now)).toBe('published');
    expect(markLapsed(offer, 'm2', 'ingetrokken', now)).toEqual({ kind: 'suspended', reason: 'ingetrokken' });
  });

  it('keeps an approval that arrives while withdrawn during assessment; undoing the withdrawal publishes it', () => {
    const { offer, v1 } = newOffer();
    submit(offer, v1, now);
    withdraw(offer, 'per ongeluk', now);
    expect(approve(offer, v1, null, { markId: 'm1', validUntil: null }, now)).toEqual({ kind: 'approved-while-withdrawn', version: 1 });
    expect(offer).toMatchObject({ status: 'withdrawn', publishedVersion: 1, currentMarkId: 'm1' });
    expect(v1.status).toBe('published');
    expect(reinstate(offer, now)).toBe('published');
  });

  it('a newer version approved while withdrawn supersedes the published one', () => {
    const { offer, v1 } = published();
    const v2 = applyEdit(offer, v1, content({ title: 'Nieuw' }), now);
    submit(offer, v2, now);
    withdraw(offer, 'per ongeluk', now);
    expect(approve(offer, v2, v1, { markId: 'm2', validUntil: null }, now)).toEqual({ kind: 'approved-while-withdrawn', version: 2 });
    expect(v1.status).toBe('superseded');
    expect(reinstate(offer, now)).toBe('published');
    expect(offer).toMatchObject({ publishedVersion: 2, currentMarkId: 'm2' });
  });

  it('a rejection that arrives while withdrawn during assessment makes undoing return the offer to draft', () => {
    const { offer, v1 } = newOffer();
    submit(offer, v1, now);
    withdraw(offer, 'per ongeluk', now);
    reject(offer, v1, { summary: 'Nee', reasons: [], decidedAt: now.toISOString() }, now);
    expect(reinstate(offer, now)).toBe('draft');
    expect(() => submit(offer, v1, now)).not.toThrow();
  });

  it('moves updatedAt only for changes the API shows', () => {
    const { offer, v1 } = published();
    const stamp = offer.updatedAt;
    const later = new Date('2026-12-01T10:00:00Z');
    // The same content again: no new version, no change.
    expect(applyEdit(offer, v1, content(), later)).toBe(v1);
    expect(offer).toMatchObject({ latestVersion: 1, updatedAt: stamp });
    const v2 = applyEdit(offer, v1, content({ title: 'Anders' }), now);
    expect(applyEdit(offer, v2, content({ title: 'Anders' }), later)).toBe(v2);
    expect(v2.updatedAt).toEqual(now);
    expect(offer.updatedAt).toEqual(now);

    // A lapse while withdrawn without a visible validity: nothing the API shows changes.
    withdraw(offer, 'weg', now);
    expect(markLapsed(offer, 'm1', 'verlopen', later)).toEqual({ kind: 'none' });
    expect(offer.updatedAt).toEqual(now);
  });

  it('clears the mark validity when the mark lapses', () => {
    const { offer, v1 } = newOffer();
    submit(offer, v1, now);
    approve(offer, v1, null, { markId: 'm1', validUntil: new Date('2029-08-01T00:00:00Z') }, now);
    markLapsed(offer, 'm1', 'ingetrokken', now);
    expect(offer.markValidUntil).toBeNull();
  });

  it('deletes drafts only; a published offer is never deleted', () => {
    const { offer } = newOffer();
    expect(() => assertDeletable(offer)).not.toThrow();
    expect(() => withdraw(offer, 'x', now)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_WITHDRAWABLE' }));
    const { offer: live } = published();
    expect(() => assertDeletable(live)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_DELETABLE' }));
  });
});
