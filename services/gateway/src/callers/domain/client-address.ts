/**
 * The caller's address, for the per-address rate limit and the services' X-Forwarded-For. Behind `trustedHops`
 * proxies of our own (the ingress, a load balancer), each of which appends the address it saw to X-Forwarded-For,
 * the client is the entry that the outermost of them appended; entries further left are the client's own claims and
 * are never believed. Without trusted proxies: the socket's address.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  // The nearest proxy's own view is the socket; it appended what it saw as the last entry, and so on outwards.
  const index = chain.length - trustedHops;
  return index >= 0 ? chain[index] : (chain[0] ?? socket);
}
