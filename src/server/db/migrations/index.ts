import type { Migration } from './helpers.ts';
import { foundation } from './0001-foundation.ts';
import { resumption } from './0002-resumption.ts';
import { policies } from './0003-policies.ts';
import { health } from './0004-health.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Migration[] = [foundation, resumption, policies, health];
