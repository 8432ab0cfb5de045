import type { RoutedService } from '../domain/service-routes';

/** Where each service answers, and how long the gateway waits for it (from the gateway's configuration). */
export const SERVICE_DIRECTORY = Symbol('SERVICE_DIRECTORY');

export interface ServiceDirectory {
  readonly urls: Record<RoutedService, string>;
  readonly timeoutMs: number;
}
