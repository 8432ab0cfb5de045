import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { sectorToContract, type OfferSnapshotSchema } from '@napl/contracts';
import type { OfferContent } from '../domain/offer-content';
import type { OfferState, VersionState } from '../domain/offer-lifecycle';

/** The facts of a version other services copy; no personal data (providers are organisations). */
export function offerSnapshot(version: VersionState & { providerId: string }): MessageInitShape<typeof OfferSnapshotSchema> {
  return {
    offerId: version.offerId,
    version: version.version,
    providerId: version.providerId,
    title: version.title,
    sectors: version.sectors.map(sectorToContract),
    priceCents: BigInt(version.priceCents),
    studyLoadHours: version.studyLoadHours,
    pathStepCodes: version.pathStepCodes,
    regionIds: version.national ? [] : version.regionIds,
    teamProgramme: version.teamProgramme,
    format: version.format,
  };
}

export const timestamp = timestampFromDate;

export interface VersionView extends OfferContent {
  version: number;
  status: VersionState['status'];
  rulesVersion: number | null;
  rejection: VersionState['rejection'];
  submittedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface OfferView {
  offerId: string;
  providerId: string;
  status: OfferState['status'];
  latestVersion: number;
  publishedVersion: number | null;
  suspendedReason: string | null;
  withdrawnReason: string | null;
  markValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
  /** The latest version for the provider and admins; the published version for everyone else. */
  content: VersionView;
}

export function versionView(version: VersionState): VersionView {
  return {
    version: version.version,
    status: version.status,
    rulesVersion: version.rulesVersion,
    rejection: version.rejection,
    submittedAt: version.submittedAt?.toISOString() ?? null,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    updatedAt: version.updatedAt.toISOString(),
    title: version.title,
    summary: version.summary,
    description: version.description,
    sectors: version.sectors,
    format: version.format,
    deliveryMode: version.deliveryMode,
    studyLoadHours: version.studyLoadHours,
    priceCents: version.priceCents,
    priceCovers: version.priceCovers,
    regionIds: version.regionIds,
    national: version.national,
    language: version.language,
    learningOutcomes: version.learningOutcomes,
    pathStepCodes: version.pathStepCodes,
    teamProgramme: version.teamProgramme,
    minGroupSize: version.minGroupSize,
    maxGroupSize: version.maxGroupSize,
  };
}

export function offerView(offer: OfferState & { createdAt: Date }, shown: VersionState): OfferView {
  return {
    offerId: offer.id,
    providerId: offer.providerId,
    status: offer.status,
    latestVersion: offer.latestVersion,
    publishedVersion: offer.publishedVersion,
    suspendedReason: offer.suspendedReason,
    withdrawnReason: offer.withdrawnReason,
    markValidUntil: offer.markValidUntil?.toISOString() ?? null,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
    content: versionView(shown),
  };
}
