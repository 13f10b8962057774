/** Built-in condition templates, each item citing its source line. */
import type { ConditionTemplate } from '../conditions.ts';
import { DORMITORY_NUMBERS } from './dormitory.ts';
import { FIVE_IN_PLACE } from './five-in-place.ts';
import { FIVE_NO_START } from './five-no-start.ts';
import { JIANGXI_GATE } from './jiangxi-gate.ts';
import { SIX_MUSTS } from './six-musts.ts';
import { TEN_ONES } from './ten-ones.ts';
import { WORKPLACE_GUIDE } from './workplace-guide.ts';

export { DORMITORY_NUMBERS, FIVE_IN_PLACE, FIVE_NO_START, JIANGXI_GATE, SIX_MUSTS, TEN_ONES, WORKPLACE_GUIDE };

export const BUILT_IN_TEMPLATES: readonly ConditionTemplate[] = Object.freeze([
  JIANGXI_GATE,
  WORKPLACE_GUIDE,
  DORMITORY_NUMBERS,
  SIX_MUSTS,
  FIVE_IN_PLACE,
  FIVE_NO_START,
  TEN_ONES,
]);

export function templateById(templateId: string): ConditionTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.templateId === templateId);
}
