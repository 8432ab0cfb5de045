/** An education region's id: lower-case words joined by hyphens, e.g. `utrecht-stad`. */
export const REGION_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
