import { describe, expect, it } from 'vitest';
import {
  confirmOverride,
  decideAppeal,
  effectiveStatus,
  expireOverride,
  overrideInForce,
  overrideStateAt,
  proposeOverride,
  rejectOverride,
  revokeOverride,
  statusForPerson,
  submitAppeal,
  withdrawOverride,
} from './override.ts';
import type { HealthActor, ProposeOverrideInput, Result } from './override.ts';
import { OVERRIDE_REASONS, OVERRIDE_REASON_CODES } from './reasons.ts';
import { evaluateReturnToWork } from './return-to-work.ts';

const A: HealthActor = { userId: 'cdc-a', role: 'cdc' };
const B: HealthActor = { userId: 'cdc-b', role: 'cdc' };
const C: HealthActor = { userId: 'cdc-c', role: 'cdc' };
const ENT: HealthActor = { userId: 'ent-1', role: 'ent_admin' };
const ADMIN: HealthActor = { userId: 'root', role: 'admin' };
const LEADER: HealthActor = { userId: 'boss', role: 'leader' };
const EMP: HealthActor = { userId: 'emp-1', role: 'employee', personId: 'p1' };

const T0 = '2020-03-10T09:00:00+08:00';
const T1 = '2020-03-10T10:00:00+08:00';
const T2 = '2020-03-12T10:00:00+08:00';

const input: ProposeOverrideInput = {
  id: 'ov-1',
  personId: 'p1',
  status: 'central_quarantine',
  reasonCode: 'OV_EPI_CLOSE_CONTACT',
  evidenceRef: '流调〔2020〕第0312号',
  expiresAt: '2020-03-24T00:00:00+08:00',
};

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
function err<T>(r: Result<T>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

const proposed = () => ok(proposeOverride(A, input, T0));
const active = () => ok(confirmOverride(B, proposed(), T1));

describe('proposing: CDC only, closed list, evidence, expiry', () => {
  it('a CDC user proposes; nothing is in force yet', () => {
    const o = proposed();
    expect(o).toMatchObject({ state: 'proposed', proposedBy: 'cdc-a', status: 'central_quarantine' });
    expect(overrideInForce([o], 'p1', T1)).toBeNull();
  });

  it.each([ENT, ADMIN, LEADER, EMP, { userId: 'g', role: 'grid' }, { userId: 'd', role: 'dept' }])(
    'no other role can propose (%j)',
    (actor) => {
      expect(err(proposeOverride(actor, input, T0))).toBe('人工研判：只有疾控人员可以发起');
    },
  );

  it.each(['维稳', '信访', 'OTHER', '', null, 'CLEARED'])('a reason outside the closed list is refused: %j', (code) => {
    expect(err(proposeOverride(A, { ...input, reasonCode: code }, T0))).toBe(
      '研判理由：必须从防疫研判理由清单中选择，不接受其他理由',
    );
  });

  it('a reason only sets the statuses it allows', () => {
    expect(err(proposeOverride(A, { ...input, status: 'barred' }, T0))).toBe(
      '研判状态：理由“流行病学调查判定为密切接触者（接触记录尚未录入）”只能设为集中隔离',
    );
    expect(err(proposeOverride(A, { ...input, status: 'red' }, T0))).toBe('研判状态：不是有效的返岗状态');
  });

  it('needs evidence', () => {
    expect(err(proposeOverride(A, { ...input, evidenceRef: '  ' }, T0))).toBe('证据材料：请填写流调报告编号');
  });

  it('needs an expiry in the future, at most the reason’s maximum (15 days for a close contact)', () => {
    expect(err(proposeOverride(A, { ...input, expiresAt: undefined }, T0))).toBe('有效期至：请填写带时区的到期时间');
    expect(err(proposeOverride(A, { ...input, expiresAt: T0 }, T0))).toBe('有效期至：必须晚于当前时间');
    expect(proposeOverride(A, { ...input, expiresAt: '2020-03-25T09:00:00+08:00' }, T0).ok).toBe(true);
    expect(err(proposeOverride(A, { ...input, expiresAt: '2020-03-25T09:01:00+08:00' }, T0))).toBe(
      '有效期至：该理由最长15天',
    );
  });

  it('a CDC user cannot propose about themselves', () => {
    expect(err(proposeOverride({ ...A, personId: 'p1' }, input, T0))).toBe('人工研判：不能为本人发起');
  });

  it('every override reason is an epidemic-prevention reason with a cited source and a bounded duration', () => {
    for (const code of OVERRIDE_REASON_CODES) {
      const r = OVERRIDE_REASONS[code];
      expect(r.source).toMatch(/^003_18fd0961877c4a42\.txt:L\d+$/);
      expect(r.maxDays).toBeGreaterThan(0);
      expect(r.maxDays).toBeLessThanOrEqual(15);
      expect(r.allowedStatuses.length).toBeGreaterThan(0);
    }
  });
});

describe('confirming: a second, different CDC user', () => {
  it('B confirms → active and in force', () => {
    const o = active();
    expect(o).toMatchObject({ state: 'active', confirmedBy: 'cdc-b', confirmedAt: T1 });
    expect(overrideInForce([o], 'p1', T1)?.id).toBe('ov-1');
    expect(o.history.map((h) => h.state)).toEqual(['proposed', 'active']);
  });
  it('the proposer cannot confirm their own proposal', () => {
    expect(err(confirmOverride(A, proposed(), T1))).toBe('复核：复核人不能是发起人，须由另一名疾控人员复核');
  });
  it.each([ENT, ADMIN, LEADER, EMP])('a non-CDC user cannot confirm (%j)', (actor) => {
    expect(err(confirmOverride(actor, proposed(), T1))).toBe('复核：只有疾控人员可以复核');
  });
  it('cannot confirm twice, or after expiry, or back in time', () => {
    expect(err(confirmOverride(C, active(), T2))).toBe('复核：该研判当前为“生效中”，不能复核');
    expect(err(confirmOverride(B, proposed(), '2020-03-24T00:00:00+08:00'))).toBe('复核：该研判已过有效期，请重新发起');
    expect(err(confirmOverride(B, proposed(), '2020-03-10T08:00:00+08:00'))).toBe('操作时间：不能早于上一步');
  });
  it('B can reject with a reason instead', () => {
    expect(err(rejectOverride(B, proposed(), ' ', T1))).toBe('不通过理由：请填写');
    expect(err(rejectOverride(A, proposed(), '证据不足', T1))).toBe('复核：复核人不能是发起人');
    expect(ok(rejectOverride(B, proposed(), '流调报告未显示接触', T1)).state).toBe('rejected');
  });
  it('the proposer can withdraw before confirmation, nobody else', () => {
    expect(ok(withdrawOverride(A, proposed(), T1)).state).toBe('withdrawn');
    expect(err(withdrawOverride(B, proposed(), T1))).toBe('撤回：只有发起人可以撤回');
    expect(err(withdrawOverride(A, active(), T2))).toBe('撤回：只能撤回待复核的研判');
  });
});

describe('expiry and revocation', () => {
  it('expires at expiresAt: in force one minute before, not at', () => {
    const o = active();
    expect(overrideStateAt(o, '2020-03-23T23:59:00+08:00')).toBe('active');
    expect(overrideStateAt(o, '2020-03-24T00:00:00+08:00')).toBe('expired');
    expect(overrideInForce([o], 'p1', '2020-03-24T00:00:00+08:00')).toBeNull();
    const stored = expireOverride(o, '2020-03-25T00:00:00+08:00');
    expect(stored.state).toBe('expired');
    expect(stored.history.at(-1)).toEqual({ state: 'expired', at: '2020-03-24T00:00:00+08:00', by: 'system' });
    expect(expireOverride(o, T2)).toBe(o);
  });
  it('any CDC user can revoke an active override, with a reason', () => {
    expect(err(revokeOverride(A, active(), '', T2))).toBe('撤销理由：请填写');
    expect(err(revokeOverride(ENT, active(), '企业要求', T2))).toBe('撤销：只有疾控人员可以撤销');
    const r = ok(revokeOverride(C, active(), '接触者核酸阴性，流调排除', T2));
    expect(r.state).toBe('revoked');
    expect(overrideInForce([r], 'p1', T2)).toBeNull();
    expect(err(revokeOverride(C, r, '再次撤销', T2))).toBe('撤销：该研判当前为“已撤销”，不能撤销');
  });
});

describe('effective status: rules unless an override is in force', () => {
  const facts = { travel: [], contacts: [], symptoms: { current: [] as [] } };
  const evaluation = evaluateReturnToWork(facts, { asOf: '2020-03-12', regionCode: '360402' });

  it('without an override the rules decide', () => {
    const e = effectiveStatus('p1', evaluation, [proposed()], T2);
    expect(e.status).toBe('cleared');
    expect(e.cause).toEqual({ kind: 'rules', ruleSetId: 'jx-2020-03-03' });
  });

  it('with one the override decides, shows its reason and source, and keeps the rule result visible', () => {
    const e = effectiveStatus('p1', evaluation, [active()], T2);
    expect(e.status).toBe('central_quarantine');
    expect(e.cause).toEqual({ kind: 'override', overrideId: 'ov-1' });
    expect(e.reasons[0]).toMatchObject({ code: 'OV_EPI_CLOSE_CONTACT', source: '003_18fd0961877c4a42.txt:L278' });
    expect(e.ruleStatus).toBe('cleared');
    expect(e.earliestReturnDate).toBe('2020-03-24');
    const view = statusForPerson(e);
    expect(view).toMatchObject({ statusLabel: '集中隔离', byOverride: true, canAppeal: true });
    expect(JSON.stringify(view)).not.toContain('cdc-a');
    expect(JSON.stringify(view)).not.toContain('cdc-b');
  });

  it('a relaxing override (health certificate recognised, 003 L37) clears the person now', () => {
    const quarantined = evaluateReturnToWork(
      { ...facts, contacts: [{ lastContactOn: '2020-03-10', with: 'confirmed' }] },
      { asOf: '2020-03-12', regionCode: '360402' },
    );
    const o = ok(
      confirmOverride(
        B,
        ok(
          proposeOverride(
            A,
            {
              ...input,
              id: 'ov-2',
              status: 'cleared',
              reasonCode: 'OV_HEALTH_CERTIFICATE_RECOGNISED',
              evidenceRef: '健康证明编号 GD-2020-1',
              expiresAt: '2020-03-20T00:00:00+08:00',
            },
            T0,
          ),
        ),
        T1,
      ),
    );
    const e = effectiveStatus('p1', quarantined, [o], T2);
    expect(e.status).toBe('cleared');
    expect(e.earliestReturnDate).toBe('2020-03-12');
    expect(e.ruleStatus).toBe('central_quarantine');
  });

  it('another person’s override does not apply', () => {
    expect(effectiveStatus('p2', evaluation, [active()], T2).status).toBe('cleared');
  });
});

describe('appeals', () => {
  const subject = { kind: 'override' as const, overrideId: 'ov-1' };
  const submitted = () =>
    ok(submitAppeal(EMP, { id: 'ap-1', personId: 'p1', subject, text: '我3月5日后没有与任何病例接触，流调有误' }, T2));

  it('only the person can appeal, with a reason', () => {
    expect(submitted().state).toBe('submitted');
    expect(err(submitAppeal(ENT, { id: 'x', personId: 'p1', subject, text: '员工没有接触史' }, T2))).toBe(
      '申诉：只能由本人提出',
    );
    expect(
      err(submitAppeal({ ...EMP, personId: 'p2' }, { id: 'x', personId: 'p1', subject, text: '我没有接触史啊' }, T2)),
    ).toBe('申诉：只能由本人提出');
    expect(err(submitAppeal(EMP, { id: 'x', personId: 'p1', subject, text: '有误' }, T2))).toBe(
      '申诉理由：请至少填写5个字，说明哪项信息有误',
    );
  });

  it('is decided by a CDC user who took no part in the override, with a reason', () => {
    const o = active();
    expect(err(decideAppeal(A, submitted(), 'accepted', '核实', T2, o))).toBe(
      '申诉处理：参与该研判的人员不能处理针对它的申诉',
    );
    expect(err(decideAppeal(B, submitted(), 'accepted', '核实', T2, o))).toBe(
      '申诉处理：参与该研判的人员不能处理针对它的申诉',
    );
    expect(err(decideAppeal(ENT, submitted(), 'accepted', '核实', T2, o))).toBe('申诉处理：只有疾控人员可以处理');
    expect(err(decideAppeal(C, submitted(), 'rejected', ' ', T2, o))).toBe('处理意见：请填写理由');
    expect(err(decideAppeal(C, submitted(), 'accepted', '核实', T2))).toBe('申诉处理：缺少被申诉的研判记录');
    const accepted = ok(decideAppeal(C, submitted(), 'accepted', '经复核流调记录有误', T2, o));
    expect(accepted.appeal).toMatchObject({
      state: 'accepted',
      decidedBy: 'cdc-c',
      decisionReason: '经复核流调记录有误',
    });
    expect(accepted.followUp).toBe('revoke_override');
    expect(err(decideAppeal(C, accepted.appeal, 'rejected', '再议', T2, o))).toBe('申诉处理：该申诉已已受理并纠正');
  });

  it('an appeal against a rule result leads to correcting the facts', () => {
    const a = ok(
      submitAppeal(
        EMP,
        {
          id: 'ap-2',
          personId: 'p1',
          subject: {
            kind: 'status',
            ruleSetId: 'jx-2020-03-03',
            status: 'central_quarantine',
            reasonCodes: ['KEY_AREA_QUARANTINE_14D'],
            asOf: '2020-03-12',
          },
          text: '我没有去过温州，行程录入有误',
        },
        T2,
      ),
    );
    const d = ok(decideAppeal(A, a, 'accepted', '行程录入错误，已更正', T2));
    expect(d.followUp).toBe('correct_facts');
    const r = ok(decideAppeal(A, a, 'rejected', '铁路购票记录显示曾到温州', T2));
    expect(r.followUp).toBeNull();
  });
});
