import { hasRole, type Principal } from '@napl/auth';
import { regionNotYours } from '../domain/region.errors';

/**
 * A region's budgets and school list: the ministry and admins see every region's, a region user only its own. The list
 * of regions itself is public to everyone signed in, so another region's details are refused (403), not hidden.
 */
export function assertMayReadRegionDetails(principal: Principal, regionId: string): void {
  if (hasRole(principal, 'ministry', 'admin')) return;
  if (hasRole(principal, 'region') && principal.regionId === regionId) return;
  throw regionNotYours();
}
