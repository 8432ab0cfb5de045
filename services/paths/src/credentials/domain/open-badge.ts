import { stepsOf, type CompetenceArea, type PathStep, type PathVersionContent, type StepRequirement } from '../../paths/domain/path-definition';

/**
 * A completed step or path as an Open Badges 3.0 credential (1EdTech OB 3.0 on the W3C Verifiable Credentials Data
 * Model 2.0). Built here as plain data; it is secured as a JWS elsewhere (VC-JOSE-COSE), so the JSON signed is
 * exactly this object. The subject is the platform's pseudonymous teacher id: a name only when the teacher asks.
 */

export const OPEN_BADGE_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
export const OPEN_BADGE_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;

export const PLATFORM_NAME = 'Nationale Aanpak Professionalisering Leraren (NAPL)';

/** Dutch names of the competence areas of the professional standards, as a badge shows them. */
export const COMPETENCE_AREA_NAMES: Record<CompetenceArea, string> = {
  'subject-knowledge': 'Vakinhoudelijk bekwaam',
  'subject-didactics': 'Vakdidactisch bekwaam',
  pedagogy: 'Pedagogisch bekwaam',
  'professional-community': 'Werken in de professionele gemeenschap',
};

export interface IssuerProfile {
  readonly id: string;
  readonly type: readonly ['Profile'];
  readonly name: string;
  readonly url: string;
}

/** OB 3.0 Alignment: here, the competence areas of the professional standards (bekwaamheidseisen) a step serves. */
export interface Alignment {
  readonly type: readonly ['Alignment'];
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetCode: string;
  readonly targetFramework: string;
  readonly targetType: 'ceasn:Competency';
}

export interface Achievement {
  readonly id: string;
  readonly type: readonly ['Achievement'];
  readonly achievementType: 'LearningProgram' | 'Competency';
  readonly name: string;
  readonly description: string;
  readonly criteria: { readonly narrative: string };
  readonly alignment?: readonly Alignment[];
  readonly inLanguage: 'nl';
}

/** OB 3.0's way to name the recipient in the subject: an identifier of type name, not hashed. */
export interface IdentityObject {
  readonly type: 'IdentityObject';
  readonly identityType: 'name';
  readonly hashed: false;
  readonly identityHash: string;
}

export interface AchievementSubject {
  readonly id: string;
  readonly type: readonly ['AchievementSubject'];
  readonly achievement: Achievement;
  readonly identifier?: readonly IdentityObject[];
}

export interface OpenBadgeCredential {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly type: readonly string[];
  readonly issuer: IssuerProfile;
  readonly validFrom: string;
  readonly name: string;
  readonly credentialSubject: AchievementSubject;
}

/** The path version the badge is about, as the paths feature keeps it. */
export interface BadgePath {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly version: number;
  readonly content: PathVersionContent;
}

export interface BadgeRequest {
  /** A fresh UUID; also the id under which the issue is recorded. */
  readonly credentialId: string;
  /** The platform's public URL: the issuer's id, and the base of the achievements' ids. */
  readonly issuerUrl: string;
  readonly issuedAt: Date;
  readonly teacherId: string;
  /** Only when the teacher asked for it on download; otherwise null and the badge names no one. */
  readonly recipientName: string | null;
  readonly path: BadgePath;
  /** The completed step, or null for the whole path. */
  readonly step: PathStep | null;
}

export function openBadgeFor(request: BadgeRequest): OpenBadgeCredential {
  const issuer = issuerProfile(request.issuerUrl);
  const achievement = request.step ? achievementForStep(request.issuerUrl, request.path, request.step) : achievementForPath(request.issuerUrl, request.path);
  const credentialSubject: AchievementSubject = {
    id: teacherSubjectId(request.teacherId),
    type: ['AchievementSubject'],
    achievement,
    ...(request.recipientName === null
      ? {}
      : { identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: request.recipientName }] }),
  };
  return {
    '@context': [...OPEN_BADGE_CONTEXT],
    id: `urn:uuid:${request.credentialId}`,
    type: [...OPEN_BADGE_TYPE],
    issuer,
    validFrom: secondsTimestamp(request.issuedAt),
    name: achievement.name,
    credentialSubject,
  };
}

export function issuerProfile(issuerUrl: string): IssuerProfile {
  return { id: issuerUrl, type: ['Profile'], name: PLATFORM_NAME, url: issuerUrl };
}

/**
 * The subject's id: a URN around the pseudonymous teacher id, which only the platform can link to a person. It is the
 * same in every badge of the teacher, so a verifier can see two badges belong to one holder, and no more.
 */
export function teacherSubjectId(teacherId: string): string {
  return `urn:napl:teacher:${encodeURIComponent(teacherId)}`;
}

/** One achievement per path version: a badge of version 1 keeps saying what version 1 asked. */
export function achievementForPath(issuerUrl: string, path: BadgePath): Achievement {
  const steps = stepsOf(path.content);
  const stepLines = steps.map((step) => `- ${step.title}: ${requirementText(step.requirement)}`);
  return {
    id: pathAchievementBase(issuerUrl, path),
    type: ['Achievement'],
    achievementType: 'LearningProgram',
    name: `Ontwikkelpad ${path.title} afgerond`,
    description: path.description.trim() || `Het ontwikkelpad ${path.title} (versie ${path.version}) van de ${PLATFORM_NAME}.`,
    criteria: { narrative: [`Alle ${steps.length} stappen van het ontwikkelpad ${path.title} (versie ${path.version}) zijn afgerond:`, ...stepLines].join('\n') },
    ...alignmentOf(issuerUrl, [...new Set(steps.flatMap((step) => step.competenceAreas))]),
    inLanguage: 'nl',
  };
}

export function achievementForStep(issuerUrl: string, path: BadgePath, step: PathStep): Achievement {
  const outcomes = step.learningOutcomes.map((outcome) => `- ${outcome}`);
  return {
    id: `${pathAchievementBase(issuerUrl, path)}/steps/${encodeURIComponent(step.code)}`,
    type: ['Achievement'],
    achievementType: 'Competency',
    name: `${step.title} (${path.title})`,
    description: `Stap ${step.title} van het ontwikkelpad ${path.title} (versie ${path.version}) van de ${PLATFORM_NAME}.`,
    criteria: {
      narrative: [
        `Afgerond met ${requirementText(step.requirement)}, of door erkenning van eerder verworven competenties (evc).`,
        'Leeropbrengsten:',
        ...outcomes,
      ].join('\n'),
    },
    ...alignmentOf(issuerUrl, step.competenceAreas),
    inLanguage: 'nl',
  };
}

/** What completes a step, in words: "ten minste 20 uur …", "aanbod van de soorten …", or both. */
export function requirementText(requirement: StepRequirement): string {
  const parts: string[] = [];
  if (requirement.minimumHours !== null) parts.push(`ten minste ${requirement.minimumHours} uur aan professionaliseringsaanbod voor deze stap`);
  if (requirement.requiredFormats.length > 0) {
    parts.push(`aanbod van ${requirement.requiredFormats.length === 1 ? 'de soort' : 'elk van de soorten'} ${requirement.requiredFormats.join(', ')}`);
  }
  return parts.join(' en ');
}

function pathAchievementBase(issuerUrl: string, path: BadgePath): string {
  return `${issuerUrl.replace(/\/+$/, '')}/achievements/paths/${encodeURIComponent(path.code)}/versions/${path.version}`;
}

function alignmentOf(issuerUrl: string, areas: readonly CompetenceArea[]): { alignment?: Alignment[] } {
  if (areas.length === 0) return {};
  return {
    alignment: areas.map((area) => ({
      type: ['Alignment'],
      targetName: COMPETENCE_AREA_NAMES[area],
      targetUrl: `${issuerUrl.replace(/\/+$/, '')}/competence-areas/${area}`,
      targetCode: area,
      targetFramework: 'Bekwaamheidseisen leraren (2017)',
      targetType: 'ceasn:Competency',
    })),
  };
}

/** VCDM 2.0 wants an XML Schema dateTimeStamp; whole seconds, UTC. */
function secondsTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}
