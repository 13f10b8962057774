/**
 * The closed list of symptoms an employee can declare. Fever and respiratory symptoms (cough) are the ones the seeds
 * name (seed 003 L62, L287); the others are the clinical presentation listed in the national diagnosis and treatment
 * protocol, which the seeds do not reproduce, so they carry `external` instead of a quote.
 */
import { SEED_003, cite } from './sources.ts';
import type { Citation } from './sources.ts';

export const SYMPTOM_CODES = [
  'fever',
  'cough',
  'sore_throat',
  'runny_nose',
  'shortness_of_breath',
  'fatigue',
  'muscle_ache',
  'loss_of_smell_taste',
  'diarrhoea',
  'conjunctivitis',
] as const;

export type SymptomCode = (typeof SYMPTOM_CODES)[number];

export interface SymptomDef {
  code: SymptomCode;
  label: string;
  /** Fever and respiratory symptoms the seeds name. */
  citation?: Citation;
  external?: string;
}

const PROTOCOL = '国家卫生健康委《新型冠状病毒肺炎诊疗方案》临床表现（种子文件未收录）';

export const SYMPTOMS: Readonly<Record<SymptomCode, SymptomDef>> = {
  fever: { code: 'fever', label: '发热', citation: cite(SEED_003, 62, '员工出现发热、呼吸道症状时') },
  cough: { code: 'cough', label: '咳嗽', citation: cite(SEED_003, 287, '出现发热、咳嗽等可疑症状') },
  sore_throat: { code: 'sore_throat', label: '咽痛', citation: cite(SEED_003, 62, '呼吸道症状') },
  runny_nose: { code: 'runny_nose', label: '鼻塞、流涕', citation: cite(SEED_003, 62, '呼吸道症状') },
  shortness_of_breath: {
    code: 'shortness_of_breath',
    label: '气促、呼吸困难',
    citation: cite(SEED_003, 62, '呼吸道症状'),
  },
  fatigue: { code: 'fatigue', label: '乏力', external: PROTOCOL },
  muscle_ache: { code: 'muscle_ache', label: '肌肉酸痛', external: PROTOCOL },
  loss_of_smell_taste: { code: 'loss_of_smell_taste', label: '嗅觉、味觉减退', external: PROTOCOL },
  diarrhoea: { code: 'diarrhoea', label: '腹泻', external: PROTOCOL },
  conjunctivitis: { code: 'conjunctivitis', label: '结膜炎', external: PROTOCOL },
};

export function isSymptomCode(value: unknown): value is SymptomCode {
  return typeof value === 'string' && (SYMPTOM_CODES as readonly string[]).includes(value);
}

export function symptomLabel(code: SymptomCode): string {
  return SYMPTOMS[code].label;
}
