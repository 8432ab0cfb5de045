/** The fixed vocabularies of an offer; the values are stable API codes, the labels Dutch. */
export const SECTORS = ['po', 'vo', 'mbo', 'vso'] as const;
export type SectorCode = (typeof SECTORS)[number];

export const FORMATS = [
  'course',
  'training',
  'coaching',
  'intervision',
  'learning-community',
  'masterclass',
  'team-programme',
  'e-learning',
  'conference',
  'degree-programme',
] as const;
export type OfferFormat = (typeof FORMATS)[number];

export const DELIVERY_MODES = ['on-site', 'online', 'blended'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const LANGUAGES = ['nl', 'en', 'fy'] as const;
export type OfferLanguage = (typeof LANGUAGES)[number];

/** Region ids are slugs like `utrecht-stad`, the way the reimbursement service names regions. */
export const REGION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,59}$/;
/** Path step codes belong to the paths service; the catalogue checks only their form. */
export const PATH_STEP_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
