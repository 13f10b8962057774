import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { regionLevelOfCode } from '../../domain/registry/region-code.ts';
import type { Database, EnterpriseRow } from '../db/schema.ts';
import type { SessionUser } from './session-user.ts';

/**
 * The one place that answers "which enterprises may this user see?". Every store query over enterprises (and over
 * anything that belongs to an enterprise) goes through `enterpriseScope`, and the authorization-matrix test walks it.
 */
export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'region'; regionCode: string; alsoLiaisonOf?: number };

export function enterpriseScopeOf(user: SessionUser): EnterpriseScope {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'leader':
    case 'dept':
    case 'cdc':
      return user.regionCode ? { kind: 'region', regionCode: user.regionCode } : { kind: 'none' };
    case 'grid':
      return user.regionCode
        ? { kind: 'region', regionCode: user.regionCode, alsoLiaisonOf: user.id }
        : { kind: 'none' };
    case 'ent_admin':
    case 'employee':
      return user.enterpriseId ? { kind: 'enterprise', enterpriseId: user.enterpriseId } : { kind: 'none' };
    case 'bank':
      return { kind: 'none' };
  }
}

type EB = ExpressionBuilder<Database, 'enterprises'>;

/** The WHERE condition for enterprises inside a region (county, township, zone …). */
export function enterprisesInRegion(eb: EB, regionCode: string): ExpressionWrapper<Database, 'enterprises', SqlBool> {
  switch (regionLevelOfCode(regionCode)) {
    case 'province':
      return eb('enterprises.city_code', 'like', `${regionCode}%`);
    case 'city':
      return eb('enterprises.city_code', '=', regionCode);
    case 'county':
      return eb('enterprises.county_code', '=', regionCode);
    case 'township':
      return eb('enterprises.township_code', '=', regionCode);
    case 'grid':
      return eb('enterprises.grid_code', '=', regionCode);
    case 'zone':
      return eb('enterprises.zone_code', '=', regionCode);
    case 'village':
    case 'building':
      return eb('enterprises.region_code', 'like', `${regionCode}%`);
    default:
      return eb.or([]);
  }
}

export function enterpriseScopeFilter(scope: EnterpriseScope) {
  return (eb: EB): ExpressionWrapper<Database, 'enterprises', SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return eb.and([]);
      case 'none':
        return eb.or([]);
      case 'enterprise':
        return eb('enterprises.id', '=', scope.enterpriseId);
      case 'region': {
        const inRegion = enterprisesInRegion(eb, scope.regionCode);
        return scope.alsoLiaisonOf === undefined
          ? inRegion
          : eb.or([inRegion, eb('enterprises.liaison_user_id', '=', scope.alsoLiaisonOf)]);
      }
    }
  };
}

/** The same decision for one row already in memory. */
export function enterpriseInScope(scope: EnterpriseScope, e: EnterpriseRow): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'enterprise':
      return e.id === scope.enterpriseId;
    case 'region':
      return (
        regionContainsEnterprise(scope.regionCode, e) ||
        (scope.alsoLiaisonOf !== undefined && e.liaison_user_id === scope.alsoLiaisonOf)
      );
  }
}

export function regionContainsEnterprise(regionCode: string, e: EnterpriseRow): boolean {
  if (regionLevelOfCode(regionCode) === 'zone') return e.zone_code === regionCode;
  return e.region_code.startsWith(regionCode);
}

/** Region nodes a user may see: the subtree of its region (zones are visible to everyone in their city). */
export function regionScopeOf(user: SessionUser): { kind: 'all' } | { kind: 'subtree'; regionCode: string } {
  if (user.role === 'admin' || !user.regionCode) return { kind: 'all' };
  return { kind: 'subtree', regionCode: user.regionCode };
}
