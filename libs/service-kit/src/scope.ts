/**
 * The one answer for a resource outside the caller's scope: exactly what a missing one gets (the same 404 and
 * body), so an answer never tells another tenant what exists. A 403 is only for what the caller may see but not
 * do (a public offer of another provider, a role that may read but not change). Written down per resource in
 * docs/access-rules.md.
 */
export function visibleOrNotFound<T>(resource: T | null | undefined, visible: (resource: T) => boolean, notFound: () => Error): T {
  if (resource === null || resource === undefined || !visible(resource)) throw notFound();
  return resource;
}
