import { amsterdamDate } from '@napl/domain';
import { CatalogueError } from '../../shared/catalogue.error';
import type { OfferContent } from './offer-content';
import { publicationRulesOn } from './publication-rules';

/**
 * The publication status of an offer as a whole. A published offer may at the same time have a newer version
 * in draft or in assessment; that is the version's status, not the offer's.
 */
export type OfferStatus = 'draft' | 'submitted' | 'published' | 'suspended' | 'withdrawn';

/** draft → submitted → published; a published version becomes superseded when a newer one is published. */
export type VersionStatus = 'draft' | 'submitted' | 'published' | 'superseded';

export interface Rejection {
  summary: string;
  reasons: { criterionCode: string; reason: string }[];
  decidedAt: string;
}

export interface OfferState {
  id: string;
  providerId: string;
  status: OfferStatus;
  latestVersion: number;
  publishedVersion: number | null;
  /** The quality mark of the published version; null when none or when it lapsed. */
  currentMarkId: string | null;
  markValidUntil: Date | null;
  suspendedReason: string | null;
  withdrawnReason: string | null;
  statusBeforeWithdrawal: OfferStatus | null;
  updatedAt: Date;
}

export interface VersionState extends OfferContent {
  offerId: string;
  version: number;
  status: VersionStatus;
  rulesVersion: number | null;
  rejection: Rejection | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** What a lifecycle step asks the application to announce. */
export type LifecycleOutcome =
  | { kind: 'none' }
  | { kind: 'published'; version: number; firstPublication: boolean }
  | { kind: 'suspended'; reason: string }
  | { kind: 'rejected' }
  /** The published version was approved again: the offer now follows the new mark. */
  | { kind: 'mark-renewed'; version: number }
  /** A submitted version was approved while the offer was withdrawn; undoing the withdrawal publishes it. */
  | { kind: 'approved-while-withdrawn'; version: number };

function conflict(code: ConstructorParameters<typeof CatalogueError>[0], message: string): CatalogueError {
  return new CatalogueError(code, 'conflict', message);
}

/**
 * How a content change lands: in place on a draft, as a new version when the latest version was published
 * (the published version stays as it is: teachers enrolled in it), refused while in assessment or withdrawn.
 */
export function planEdit(offer: OfferState, latest: VersionState): 'in-place' | 'new-version' {
  if (offer.status === 'withdrawn') throw conflict('OFFER_NOT_EDITABLE', 'Een teruggetrokken aanbod kan niet worden gewijzigd.');
  if (latest.status === 'draft') return 'in-place';
  if (latest.status === 'submitted') {
    throw conflict('OFFER_NOT_EDITABLE', 'Deze versie wordt beoordeeld en kan nu niet worden gewijzigd.');
  }
  return 'new-version';
}

export function applyEdit(offer: OfferState, latest: VersionState, content: OfferContent, now: Date): VersionState {
  const plan = planEdit(offer, latest);
  // The same content again (a retried PUT) is no change: no new version, and updated_since stays put.
  if (sameContent(latest, content)) return latest;
  offer.updatedAt = now;
  if (plan === 'in-place') {
    Object.assign(latest, content, { updatedAt: now });
    return latest;
  }
  offer.latestVersion = latest.version + 1;
  return {
    ...content,
    offerId: offer.id,
    version: offer.latestVersion,
    status: 'draft',
    rulesVersion: null,
    rejection: null,
    submittedAt: null,
    publishedAt: null,
    updatedAt: now,
  };
}

// A record over every key, so a new content field cannot be forgotten here.
const CONTENT_FIELDS = Object.keys({
  title: true, summary: true, description: true, sectors: true, format: true, deliveryMode: true, studyLoadHours: true,
  priceCents: true, priceCovers: true, regionIds: true, national: true, language: true, learningOutcomes: true,
  pathStepCodes: true, teamProgramme: true, minGroupSize: true, maxGroupSize: true,
} satisfies Record<keyof OfferContent, true>) as (keyof OfferContent)[];

export function sameContent(a: OfferContent, b: OfferContent): boolean {
  return CONTENT_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/** Sends the latest (draft) version to quality assessment, under the publication rules in force today. */
export function submit(offer: OfferState, latest: VersionState, now: Date): void {
  if (offer.status === 'withdrawn') throw conflict('OFFER_NOT_SUBMITTABLE', 'Een teruggetrokken aanbod kan niet worden ingediend.');
  if (latest.status !== 'draft') {
    throw conflict('OFFER_NOT_SUBMITTABLE', 'Alleen een concept kan worden ingediend; deze versie is al ingediend of gepubliceerd.');
  }
  const rules = publicationRulesOn(amsterdamDate(now));
  const problems = rules.check(latest);
  if (problems.length > 0) {
    throw new CatalogueError('OFFER_RULES_NOT_MET', 'unprocessable', 'Het aanbod voldoet nog niet aan de publicatieregels.', {
      rulesVersion: rules.version,
      errors: problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    });
  }
  latest.status = 'submitted';
  latest.rulesVersion = rules.version;
  latest.rejection = null;
  latest.submittedAt = now;
  latest.updatedAt = now;
  if (offer.publishedVersion === null) offer.status = 'submitted';
  offer.updatedAt = now;
}

/**
 * The quality service approved a version. A submitted version is published (a previously published one is
 * superseded); a new approval of the published version of a suspended offer publishes it again. Quality issues a
 * new mark on every approval and silently supersedes the older one, so a re-assessment of the published version
 * adopts the new mark ('mark-renewed'): otherwise a later lapse of that mark would go unnoticed.
 * While withdrawn, an approval is kept, not dropped (no decision would come again): a submitted version is
 * published behind the withdrawal, and undoing the withdrawal announces it. A stale or repeated decision changes nothing.
 */
export function approve(
  offer: OfferState,
  version: VersionState,
  previous: VersionState | null,
  mark: { markId: string; validUntil: Date | null },
  now: Date,
): LifecycleOutcome {
  const isPublishedVersion = version.status === 'published' && offer.publishedVersion === version.version;
  if (offer.status === 'withdrawn') {
    if (version.status === 'submitted') {
      publishVersion(offer, version, previous, mark, now);
      offer.statusBeforeWithdrawal = 'published';
      return { kind: 'approved-while-withdrawn', version: version.version };
    }
    if (!isPublishedVersion) return { kind: 'none' };
    if (offer.statusBeforeWithdrawal === 'suspended' && offer.currentMarkId !== mark.markId) {
      // A valid mark again: undoing the withdrawal publishes, it no longer suspends.
      offer.statusBeforeWithdrawal = 'published';
      if (offer.suspendedReason !== null) {
        offer.suspendedReason = null;
        offer.updatedAt = now;
      }
    }
    return renewMark(offer, mark, now);
  }
  if (isPublishedVersion && offer.status === 'published') return renewMark(offer, mark, now);
  const republish = isPublishedVersion && offer.status === 'suspended';
  if (version.status !== 'submitted' && !republish) return { kind: 'none' };
  const firstPublication = offer.publishedVersion === null || offer.status !== 'published';
  publishVersion(offer, version, previous, mark, now);
  offer.status = 'published';
  return { kind: 'published', version: version.version, firstPublication };
}

function publishVersion(
  offer: OfferState,
  version: VersionState,
  previous: VersionState | null,
  mark: { markId: string; validUntil: Date | null },
  now: Date,
): void {
  if (previous && previous.version !== version.version) {
    previous.status = 'superseded';
    previous.updatedAt = now;
  }
  version.status = 'published';
  version.publishedAt ??= now;
  version.updatedAt = now;
  offer.publishedVersion = version.version;
  offer.currentMarkId = mark.markId;
  offer.markValidUntil = mark.validUntil;
  offer.suspendedReason = null;
  offer.updatedAt = now;
}

/** Follows the newest mark of the published version; the same mark again (a redelivery) changes nothing. */
function renewMark(offer: OfferState, mark: { markId: string; validUntil: Date | null }, now: Date): LifecycleOutcome {
  if (offer.currentMarkId === mark.markId) return { kind: 'none' };
  const visible = offer.markValidUntil?.getTime() !== mark.validUntil?.getTime();
  offer.currentMarkId = mark.markId;
  offer.markValidUntil = mark.validUntil;
  // updated_since moves only for what the API shows: the mark id is internal, its validity is not.
  if (visible) offer.updatedAt = now;
  return { kind: 'mark-renewed', version: offer.publishedVersion! };
}

/** The quality service rejected a submitted version: it goes back to draft, with the assessor's reasons. */
export function reject(offer: OfferState, version: VersionState, rejection: Rejection, now: Date): LifecycleOutcome {
  if (version.status !== 'submitted') return { kind: 'none' };
  version.status = 'draft';
  version.rejection = rejection;
  version.updatedAt = now;
  if (offer.status === 'submitted') offer.status = 'draft';
  // Withdrawn meanwhile: undoing the withdrawal must not bring back an assessment that is over.
  if (offer.status === 'withdrawn' && offer.statusBeforeWithdrawal === 'submitted') offer.statusBeforeWithdrawal = 'draft';
  offer.updatedAt = now;
  return { kind: 'rejected' };
}

/**
 * The current quality mark expired or was revoked: a published offer stops taking new enrolments. A mark that
 * is not the current one (an older version's) changes nothing. While withdrawn, the lapse is remembered, so
 * undoing the withdrawal does not publish an offer without a valid mark.
 */
export function markLapsed(offer: OfferState, markId: string, reason: string, now: Date): LifecycleOutcome {
  if (offer.currentMarkId !== markId) return { kind: 'none' };
  offer.currentMarkId = null;
  // The API shows the mark's validity; the mark id is internal, so only a visible change moves updated_since.
  if (offer.markValidUntil !== null) {
    offer.markValidUntil = null;
    offer.updatedAt = now;
  }
  if (offer.status === 'withdrawn') {
    if (offer.statusBeforeWithdrawal === 'published') offer.statusBeforeWithdrawal = 'suspended';
    return { kind: 'none' };
  }
  if (offer.status !== 'published') return { kind: 'none' };
  offer.status = 'suspended';
  offer.suspendedReason = reason;
  offer.updatedAt = now;
  return { kind: 'suspended', reason };
}

export function withdraw(offer: OfferState, reason: string, now: Date): void {
  if (offer.status === 'withdrawn') throw conflict('OFFER_NOT_WITHDRAWABLE', 'Dit aanbod is al teruggetrokken.');
  if (offer.status === 'draft') {
    throw conflict('OFFER_NOT_WITHDRAWABLE', 'Een concept dat nooit is gepubliceerd trekt u niet terug: verwijder het.');
  }
  offer.statusBeforeWithdrawal = offer.status;
  offer.status = 'withdrawn';
  offer.withdrawnReason = reason;
  offer.updatedAt = now;
}

/** An admin undoes a withdrawal made by mistake: the offer returns to where it was. */
export function reinstate(offer: OfferState, now: Date): OfferStatus {
  if (offer.status !== 'withdrawn' || !offer.statusBeforeWithdrawal) {
    throw conflict('OFFER_NOT_WITHDRAWN', 'Dit aanbod is niet teruggetrokken.');
  }
  offer.status = offer.statusBeforeWithdrawal;
  offer.statusBeforeWithdrawal = null;
  offer.withdrawnReason = null;
  offer.updatedAt = now;
  return offer.status;
}

/** Only an offer that was never published (nor is in assessment) may be deleted; the rest is withdrawn. */
export function assertDeletable(offer: OfferState): void {
  if (offer.status !== 'draft' || offer.publishedVersion !== null) {
    throw conflict('OFFER_NOT_DELETABLE', 'Alleen een concept dat nooit is gepubliceerd kan worden verwijderd; trek het aanbod anders terug.');
  }
}

/** New runs only for an offer that takes enrolments. */
export function assertTakesRuns(offer: OfferState): void {
  if (offer.status !== 'published') {
    throw conflict('OFFER_NOT_PUBLISHED', 'Uitvoeringen kunnen alleen worden gepland voor gepubliceerd aanbod met een geldig kwaliteitskeurmerk.');
  }
}
