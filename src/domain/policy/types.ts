/**
 * Rules as data (惠企政策规则引擎的数据模型).
 *
 * A {@link Policy} is one source document; each clause that pays, exempts, reduces, defers or caps something is a
 * {@link Rule}. Conditions ({@link Condition}) and formulas ({@link Expr}) are small data ASTs, never opaque code, so
 * the engine can list the facts a rule needs, say which are missing, explain a decision, simulate a draft and compile
 * rule sets for batch runs. Every number a rule uses is a {@link Parameter} with dated values, each citing the seed
 * line that states it (`seed-file:Lnnn`) and the verbatim words that state it.
 */

/** Calendar date `YYYY-MM-DD` (Asia/Shanghai). */
export type IsoDate = string;

/** A citation `seed-file-name:Lnnn`, e.g. `003_18fd0961877c4a42.txt:L581`. */
export type SourceRef = string;

/** A fact value. Money is integer fen, rates are percentages (`20` means 20%), dates are ISO strings. */
export type FactValue = number | boolean | string;

/** A situation: fact name → value. `null`/`undefined`/absent all mean "not known". */
export type Facts = Readonly<Record<string, FactValue | null | undefined>>;

// ---------------------------------------------------------------------------------------------------------------
// Expressions (formulas)
// ---------------------------------------------------------------------------------------------------------------

/**
 * A formula. Numbers are plain JavaScript numbers; money is fen; percentages are percent numbers; dates are ISO
 * strings (compiled code uses day numbers). Any operand that is missing makes the result missing.
 */
export type Expr =
  /** A literal that carries no policy number (0, 12 months a year, `true`, an enum value). */
  | { readonly op: 'const'; readonly value: number | string | boolean }
  /** A rule parameter (a policy number with its citation), resolved as of the evaluation date. */
  | { readonly op: 'param'; readonly name: string }
  /** A fact from the situation. */
  | { readonly op: 'fact'; readonly name: string }
  | { readonly op: 'add'; readonly args: readonly Expr[] }
  | { readonly op: 'sub'; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'mul'; readonly args: readonly Expr[] }
  | { readonly op: 'div'; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'min'; readonly args: readonly Expr[] }
  | { readonly op: 'max'; readonly args: readonly Expr[] }
  /** `base × rate ÷ 100` — a rate (in percent) of a base. */
  | { readonly op: 'pct'; readonly base: Expr; readonly rate: Expr }
  /** `amount × count` — so much per person / per month / per vehicle. */
  | { readonly op: 'perUnit'; readonly amount: Expr; readonly count: Expr }
  /** `max(0, base − threshold)` — the part above a threshold. */
  | { readonly op: 'above'; readonly base: Expr; readonly threshold: Expr }
  /** Round to an integer (fen) half up. Money benefits are rounded automatically at the end. */
  | { readonly op: 'round'; readonly arg: Expr }
  | { readonly op: 'if'; readonly cond: Condition; readonly then: Expr; readonly else: Expr }
  /** A date plus whole months (the day is clamped to the end of a shorter month). */
  | { readonly op: 'addMonths'; readonly date: Expr; readonly months: Expr }
  | { readonly op: 'addDays'; readonly date: Expr; readonly days: Expr };

export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * A condition with three-valued logic: true, false or unknown (a fact it needs is missing). `all` is false as soon
 * as one part is false, `any` is true as soon as one part is true, so missing facts only matter when they could
 * change the answer. `present` is never unknown.
 */
export type Condition =
  | { readonly op: 'all'; readonly of: readonly Condition[]; readonly label?: string }
  | { readonly op: 'any'; readonly of: readonly Condition[]; readonly label?: string }
  | { readonly op: 'not'; readonly of: Condition; readonly label?: string }
  | { readonly op: 'cmp'; readonly left: Expr; readonly cmp: CmpOp; readonly right: Expr; readonly label?: string }
  | { readonly op: 'in'; readonly fact: string; readonly values: readonly string[]; readonly label?: string }
  /** `min ≤ value ≤ max` (both ends included). */
  | { readonly op: 'between'; readonly value: Expr; readonly min: Expr; readonly max: Expr; readonly label?: string }
  | { readonly op: 'present'; readonly fact: string; readonly label?: string };

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

/**
 * Units of parameters: `分` money (integer fen), `%` percent, `bp` basis points, `月`/`年`/`天` durations, `人`
 * persons, `次` times, `份` ratio parts (1:1), `平方米` area, `日期` an ISO date.
 */
export type ParameterUnit = '分' | '%' | 'bp' | '月' | '年' | '天' | '人' | '次' | '份' | '平方米' | '日期';

/** One dated value of a parameter — a change of law is a new dated value, never an edit of the old one. */
export interface ParameterValue {
  /** First day this value applies. */
  readonly from: IsoDate;
  readonly value: number | string;
  /** Where the value is stated: `seed-file:Lnnn`. */
  readonly source: SourceRef;
  /** The verbatim words on that line that state the value (checked by the citation test). */
  readonly quote: string;
}

export interface Parameter {
  /** Chinese label, e.g. `每吸纳1名劳动者补贴标准`. */
  readonly label: string;
  readonly unit: ParameterUnit;
  /** Dated values, oldest first. */
  readonly values: readonly ParameterValue[];
  readonly description?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules and policies
// ---------------------------------------------------------------------------------------------------------------

/** Who or what a rule is about. A placement (推荐就业) is about the placed person. */
export type TargetEntity = 'enterprise' | 'person' | 'project' | 'loan';

/** What the rule does. */
export type RuleKind = 'pay' | 'exempt' | 'reduce' | 'defer' | 'cap';

/**
 * How the benefit reaches the beneficiary:
 * - `auto` 免申即享 — paid or applied from data the government already holds, no application;
 * - `quick` 快申快享 — a short application checked against held data;
 * - `apply` 申请 → 审核 → 公示 → 兑付 — the full procedure.
 */
export type FulfilmentMode = 'auto' | 'quick' | 'apply';

export const FULFILMENT_LABEL: Readonly<Record<FulfilmentMode, string>> = {
  auto: '免申即享',
  quick: '快申快享',
  apply: '申请—审核—公示—兑付',
};

export type JurisdictionLevel = 'central' | 'province' | 'city' | 'county' | 'zone';

/**
 * Where a rule applies. A central rule applies everywhere (minus `excludeCodes`), a province rule to region codes
 * starting with its two digits (`36…`), a city rule to its four digits (`3601…`), a county rule to its six digits, a
 * zone rule to enterprises whose `zoneCode` equals `code`.
 */
export interface Jurisdiction {
  readonly level: JurisdictionLevel;
  /** GB/T 2260 code (`000000` for central, `360000`, `360100`, `360111`) or a zone code. */
  readonly code: string;
  readonly label: string;
  /** Region codes excluded from a wider jurisdiction (e.g. Hubei `420000` from a national rule). */
  readonly excludeCodes?: readonly string[];
}

/** The benefit a rule produces when eligible. */
export type Benefit =
  /** Money paid, relieved or waived, in fen. */
  | { readonly kind: 'money'; readonly label: string; readonly formula: Expr }
  /** A rate in percent (e.g. the highest fee or interest rate allowed). */
  | { readonly kind: 'percent'; readonly label: string; readonly formula: Expr }
  /** A date (a new deadline or a validity end). */
  | { readonly kind: 'date'; readonly label: string; readonly formula: Expr }
  | { readonly kind: 'months'; readonly label: string; readonly formula: Expr }
  | { readonly kind: 'days'; readonly label: string; readonly formula: Expr }
  /** Eligibility only (an exemption from a procedure, a right to apply); no amount. */
  | { readonly kind: 'eligibility'; readonly label: string };

export type BenefitKind = Benefit['kind'];

/** An upper limit on a numeric benefit (applied after the formula; `capped` says it bit). */
export interface Cap {
  readonly label: string;
  readonly limit: Expr;
  readonly source: SourceRef;
}

export type FundingLevel = 'central' | 'province' | 'city' | 'county' | 'zone' | 'enterprise';

export const FUNDING_LEVEL_LABEL: Readonly<Record<FundingLevel, string>> = {
  central: '中央财政',
  province: '省级财政',
  city: '市级财政',
  county: '县区（开发区、新区）财政',
  zone: '园区财政',
  enterprise: '企业',
};

/** How the cost is shared between levels, as weights (1:1, or 50:25:25). */
export interface FundingSplit {
  readonly shares: readonly { readonly level: FundingLevel; readonly weight: number }[];
  readonly source: SourceRef;
  /** The fund it is paid from, e.g. `失业保险基金`, `市级扶持制造业发展专项`. */
  readonly fund?: string;
  readonly note?: string;
}

export interface Rule {
  /** `policyId.slug`, stable. */
  readonly id: string;
  readonly policyId: string;
  /** Chinese title, e.g. `一次性吸纳就业补贴（南昌）`. */
  readonly title: string;
  readonly kind: RuleKind;
  readonly target: TargetEntity;
  readonly jurisdiction: Jurisdiction;
  /** Period in which the rule applies (both ends included); `to: null` means open-ended or "疫情期间". */
  readonly effective: { readonly from: IsoDate; readonly to: IsoDate | null; readonly note?: string };
  /** Eligibility conditions over facts. */
  readonly conditions: Condition;
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly benefit: Benefit;
  readonly caps: readonly Cap[];
  /** Rules in the same group are not enjoyed together: the highest eligible benefit is kept (就高、不重复). */
  readonly stackingGroup?: string;
  readonly funding?: FundingSplit;
  readonly fulfilment: FulfilmentMode;
  /** The clause: `seed-file:Lnnn`. */
  readonly source: SourceRef;
  /** Further lines the rule relies on (thresholds defined elsewhere, repeated clauses). */
  readonly alsoSources?: readonly SourceRef[];
  /** Lead department (牵头单位) as named in the document. */
  readonly department?: string;
  /** Ambiguities and readings chosen. */
  readonly note?: string;
}

export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  /** 文号 where the seed prints or cites it; `null` where it does not. */
  readonly docNumber: string | null;
  readonly docNumberNote?: string;
  /** Date of issue (or of the report, for news reports). */
  readonly date: IsoDate;
  readonly jurisdiction: Jurisdiction;
  readonly validity: { readonly from: IsoDate; readonly to: IsoDate | null; readonly note?: string };
  /** Line that carries the title (or the first line of the report). */
  readonly source: SourceRef;
  readonly rules: readonly Rule[];
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------------------------

/** One step of a decision, readable by a reviewer. */
export interface TraceStep {
  readonly step: 'in-force' | 'jurisdiction' | 'condition' | 'formula' | 'cap' | 'stacking';
  /** What was checked, in Chinese (the condition's label, or its rendering). */
  readonly label: string;
  /** The rendered expression with the values it saw, e.g. `参保职工人数 25 ≤ 30`. */
  readonly detail: string;
  /** true / false / null (unknown) for checks; the number or date for formulas. */
  readonly result: boolean | number | string | null;
  /** Facts read by this step and their values (`null` = missing). */
  readonly values: Readonly<Record<string, FactValue | null>>;
  readonly children?: readonly TraceStep[];
}

export interface BenefitValue {
  readonly kind: BenefitKind;
  readonly label: string;
  /** Number (fen, percent, months, days) or ISO date; `null` when it cannot be computed or for `eligibility`. */
  readonly value: number | string | null;
  readonly unit: '分' | '%' | '日期' | '月' | '天' | null;
}

export interface StackingOutcome {
  readonly group: string;
  /** Whether this rule's benefit is the one kept in its group. */
  readonly kept: boolean;
  /** The rule kept in the group (may be this one). */
  readonly keptRuleId: string | null;
  /** True when another member of the group is still unknown, so the choice may change. */
  readonly provisional: boolean;
}

export interface RuleResult {
  readonly policyId: string;
  readonly ruleId: string;
  readonly title: string;
  readonly source: SourceRef;
  /** true eligible, false not eligible, null unknown (facts missing). */
  readonly eligible: boolean | null;
  /** For money rules: the amount in fen (0 when not eligible, null when unknown). Null for other kinds. */
  readonly amountFen: number | null;
  /** Amount actually payable after 就高、不重复 (0 for a superseded rule); null when unknown or not money. */
  readonly payableFen: number | null;
  readonly capped: boolean;
  /**
   * Facts still needed (需补充): those that could decide eligibility, and — unless the rule is already not eligible —
   * those the amount needs. Empty when everything is decided.
   */
  readonly missingFacts: readonly string[];
  readonly value: BenefitValue;
  readonly stacking: StackingOutcome | null;
  readonly fulfilment: FulfilmentMode;
  readonly trace: readonly TraceStep[];
}
