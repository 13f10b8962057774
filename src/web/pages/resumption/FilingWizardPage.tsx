import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { ApiError, errorMessage } from '../../api/client.ts';
import type {
  AnswerInput,
  ApplicationDetail,
  AttachmentRef,
  ConditionItem,
  ConditionList,
  ResumptionPlan,
} from '../../api/resumption.ts';
import {
  downloadResumptionFile,
  editApplication,
  getApplication,
  getMyResumption,
  resubmitApplication,
  signCommitment,
  submitApplication,
} from '../../api/resumption.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { useIsMobile } from '../../lib/useMediaQuery.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { ITEM_KIND_LABELS } from '../../../domain/resumption/index.ts';
import {
  ApplicationStatusTag,
  AttachmentLinks,
  beijingToday,
  LoadError,
  modeLabel,
  SourceCitation,
  UploadRefs,
} from './shared.tsx';

interface BatchValues {
  startDate: Dayjs;
  keyPostStaff: number;
  otherLocalStaff: number;
  otherNonLocalStaff: number;
  fromKeyAreasStaff: number;
  keyAreaObservationConfirmed?: boolean;
  note?: string;
}

interface PlanValues {
  normalHeadcount: number;
  fourCategoryPersonsScheduled: number;
  batches: BatchValues[];
}

function planValuesOf(plan: ResumptionPlan | null): PlanValues {
  if (!plan) {
    return {
      normalHeadcount: 0,
      fourCategoryPersonsScheduled: 0,
      batches: [
        {
          startDate: dayjs(beijingToday()),
          keyPostStaff: 0,
          otherLocalStaff: 0,
          otherNonLocalStaff: 0,
          fromKeyAreasStaff: 0,
        },
      ],
    };
  }
  return {
    normalHeadcount: plan.normalHeadcount,
    fourCategoryPersonsScheduled: plan.fourCategoryPersonsScheduled ?? 0,
    batches: plan.batches.map((b) => ({
      startDate: dayjs(b.startDate),
      keyPostStaff: b.keyPostStaff,
      otherLocalStaff: b.otherLocalStaff,
      otherNonLocalStaff: b.otherNonLocalStaff,
      fromKeyAreasStaff: b.fromKeyAreasStaff,
      keyAreaObservationConfirmed: b.keyAreaObservationConfirmed ?? false,
      note: b.note ?? '',
    })),
  };
}

function planOf(v: PlanValues): ResumptionPlan {
  return {
    normalHeadcount: v.normalHeadcount ?? 0,
    fourCategoryPersonsScheduled: v.fourCategoryPersonsScheduled ?? 0,
    batches: (v.batches ?? []).map((b, i) => ({
      batchNo: i + 1,
      startDate: b.startDate.format('YYYY-MM-DD'),
      keyPostStaff: b.keyPostStaff ?? 0,
      otherLocalStaff: b.otherLocalStaff ?? 0,
      otherNonLocalStaff: b.otherNonLocalStaff ?? 0,
      fromKeyAreasStaff: b.fromKeyAreasStaff ?? 0,
      keyAreaObservationConfirmed: b.keyAreaObservationConfirmed ?? false,
      ...(b.note ? { note: b.note } : {}),
    })),
  };
}

/** Server errors of a 422 as one list (一次性告知 of what is missing). */
function issuesOf(e: unknown): string[] {
  if (e instanceof ApiError) {
    const list = e.errors.map((x) => x.message);
    return list.length ? list : [e.detail];
  }
  return [errorMessage(e)];
}

function PlanStep({ app, onSaved }: { app: ApplicationDetail; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const batches = Form.useWatch('batches', form) as BatchValues[] | undefined;
  const planned = (batches ?? []).reduce(
    (n, b) => n + (b?.keyPostStaff ?? 0) + (b?.otherLocalStaff ?? 0) + (b?.otherNonLocalStaff ?? 0),
    0,
  );
  const save = async (v: PlanValues) => {
    setSaving(true);
    try {
      await editApplication(app.id, app.application.version, { plan: planOf(v) });
      await onSaved();
      message.success('复工方案已保存');
    } catch (e) {
      message.error(issuesOf(e).join('；'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      initialValues={planValuesOf(app.application.package.plan)}
      onFinish={(v) => void save(v)}
      data-testid="plan-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="分批返岗：重要岗位人员优先、本地员工优先；每批人数不超过正常用工人数，四类人员不得安排返岗。"
      />
      <Space wrap size={16}>
        <Form.Item
          name="normalHeadcount"
          label="正常用工人数"
          rules={[{ required: true, message: '正常用工人数：请填写' }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="fourCategoryPersonsScheduled" label="安排返岗的四类人员数">
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="计划返岗合计">
          <span data-testid="planned-total">{formatInteger(planned)} 人</span>
        </Form.Item>
      </Space>
      <Form.List name="batches">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={`第 ${i + 1} 批`}
                style={{ marginBottom: 12 }}
                data-testid={`batch-${i + 1}`}
                extra={
                  fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  )
                }
              >
                <Space wrap size={12}>
                  <Form.Item
                    name={[field.name, 'startDate']}
                    label="返岗日期"
                    rules={[{ required: true, message: '返岗日期：请选择' }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'keyPostStaff']} label="重要岗位人员">
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'otherLocalStaff']} label="其他本地员工">
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'otherNonLocalStaff']} label="其他外地员工">
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fromKeyAreasStaff']} label="其中来自重点地区">
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                </Space>
                <Form.Item name={[field.name, 'keyAreaObservationConfirmed']} valuePropName="checked">
                  <Checkbox>来自重点地区的人员返岗前已满 14 天医学观察</Checkbox>
                </Form.Item>
                <Form.Item name={[field.name, 'note']} label="备注">
                  <Input />
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  startDate: dayjs(beijingToday()).add(fields.length * 7, 'day'),
                  keyPostStaff: 0,
                  otherLocalStaff: 0,
                  otherNonLocalStaff: 0,
                  fromKeyAreasStaff: 0,
                })
              }
              style={{ marginBottom: 16 }}
            >
              增加一批
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="plan-save">
          保存方案
        </Button>
      </div>
    </Form>
  );
}

function PreventionStep({ app, onSaved }: { app: ApplicationDetail; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const current = app.application.package.preventionPlan;
  const set = async (refs: AttachmentRef[]) => {
    try {
      await editApplication(app.id, app.application.version, {
        preventionPlan: refs[0] ? { fileId: refs[0].fileId } : null,
      });
      await onSaved();
      message.success('防控方案已保存');
    } catch (e) {
      message.error(issuesOf(e).join('；'));
    }
  };
  return (
    <div data-testid="prevention-step">
      <Typography.Paragraph>
        请上传本企业的疫情防控方案（一企一策），包括组织体系、返岗人员管理、场所消毒、物资储备和应急处置等内容。
      </Typography.Paragraph>
      {current && (
        <div style={{ marginBottom: 12 }}>
          已上传：
          <AttachmentLinks files={[current]} />
        </div>
      )}
      <UploadRefs
        purpose="prevention_plan"
        value={[]}
        multiple={false}
        enterpriseId={Number(app.enterpriseId)}
        accept=".pdf,.docx,.jpg,.jpeg,.png"
        label={current ? '重新上传' : '上传防控方案'}
        testId="prevention-upload"
        onChange={(refs) => void set(refs)}
      />
    </div>
  );
}

/** An answer as the form edits it (material files as references, so names show). */
type Answer =
  | { kind: 'yes_no'; value: boolean; note?: string }
  | { kind: 'material'; files: AttachmentRef[]; note?: string }
  | { kind: 'number'; value: number; note?: string };
type Answers = Record<string, Answer>;

/** Stored answers as the form edits them (material files are read from `attachments` or `files`). */
function answersOf(stored: Readonly<Record<string, unknown>>): Answers {
  const out: Answers = {};
  for (const [id, raw] of Object.entries(stored)) {
    const a = raw as {
      kind?: string;
      value?: unknown;
      note?: string;
      attachments?: AttachmentRef[];
      files?: AttachmentRef[];
    };
    if (a.kind === 'yes_no' && typeof a.value === 'boolean') out[id] = { kind: 'yes_no', value: a.value };
    else if (a.kind === 'number' && typeof a.value === 'number') out[id] = { kind: 'number', value: a.value };
    else if (a.kind === 'material') out[id] = { kind: 'material', files: [...(a.attachments ?? a.files ?? [])] };
    const note = a.note;
    if (out[id] && note) out[id] = { ...out[id], note };
  }
  return out;
}

function toInput(answers: Answers): Record<string, AnswerInput> {
  const out: Record<string, AnswerInput> = {};
  for (const [id, a] of Object.entries(answers)) {
    out[id] =
      a.kind === 'material'
        ? { kind: 'material', files: a.files.map((f) => ({ fileId: f.fileId })), ...(a.note ? { note: a.note } : {}) }
        : a;
  }
  return out;
}

function AnswerEditor({
  item,
  answers,
  setAnswers,
  enterpriseId,
}: {
  item: ConditionItem;
  answers: Answers;
  setAnswers: (a: Answers) => void;
  enterpriseId: number;
}) {
  const a = answers[item.id];
  const put = (next: Answer) => setAnswers({ ...answers, [item.id]: next });
  const note = a?.note;
  const withNote = <T extends Answer>(x: T): T => (note ? { ...x, note } : x);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      {item.kind === 'yes_no' && (
        <Radio.Group
          value={a?.kind === 'yes_no' ? (a.value ? 'yes' : 'no') : undefined}
          onChange={(e) => put(withNote({ kind: 'yes_no', value: e.target.value === 'yes' }))}
          aria-label={item.text}
        >
          <Radio value="yes">具备</Radio>
          <Radio value="no">不具备</Radio>
        </Radio.Group>
      )}
      {item.kind === 'number' && (
        <InputNumber
          aria-label={item.text}
          value={a?.kind === 'number' ? a.value : null}
          precision={item.number?.decimals ?? 0}
          addonAfter={item.number?.unit}
          onChange={(v) => {
            if (typeof v === 'number') put(withNote({ kind: 'number', value: v }));
          }}
        />
      )}
      {item.kind === 'material' && (
        <UploadRefs
          purpose="material"
          value={a?.kind === 'material' ? a.files : []}
          enterpriseId={enterpriseId}
          label="上传材料"
          testId={`material-${item.id}`}
          onChange={(refs) => put(withNote({ kind: 'material', files: refs }))}
        />
      )}
    </Space>
  );
}

function AssessmentStep({
  app,
  onSaved,
  published,
}: {
  app: ApplicationDetail;
  onSaved: () => Promise<void>;
  published: ConditionList | null;
}) {
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Answers>(() => answersOf(app.application.package.answers));
  const [saving, setSaving] = useState(false);
  // A draft has no list yet (it is fixed at submission): assess against the list published for the area's level.
  const list = app.application.conditionList ?? published;
  const allYes = () => {
    if (!list) return;
    const next: Answers = { ...answers };
    for (const item of list.items) {
      if (item.kind === 'yes_no' && !next[item.id]) next[item.id] = { kind: 'yes_no', value: true };
    }
    setAnswers(next);
  };
  const save = async () => {
    setSaving(true);
    try {
      await editApplication(app.id, app.application.version, { answers: toInput(answers) });
      await onSaved();
      message.success('自查结果已保存');
    } catch (e) {
      message.error(issuesOf(e).join('；'));
    } finally {
      setSaving(false);
    }
  };
  if (!list) {
    return <Alert type="info" message="本申请无需按清单自查（申报即复工）。如需补充说明，可直接进入下一步。" />;
  }
  return (
    <div data-testid="assessment-step">
      <Typography.Paragraph>
        对照《{list.title}》（第 {list.version} 版{list.publishedOn ? `，${list.publishedOn} 公布` : ''}）逐项自查。
        清单之外，任何部门不得要求提供其他条件或材料。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={allYes} data-testid="assessment-all-yes">
          未答的“是否具备”项全部选“具备”
        </Button>
      </Space>
      <List
        bordered
        dataSource={[...list.items]}
        renderItem={(item, i) => (
          <List.Item data-testid={`assessment-item-${item.id}`}>
            <div style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong>
                  {i + 1}. {item.text}
                </Typography.Text>
                <Tag>{ITEM_KIND_LABELS[item.kind]}</Tag>
                {item.required && <Tag color="red">必备</Tag>}
              </Space>
              {item.hint && <div style={{ fontSize: 12, color: '#595959' }}>{item.hint}</div>}
              <div style={{ marginBottom: 6 }}>
                <SourceCitation source={item.source} />
              </div>
              <AnswerEditor
                item={item}
                answers={answers}
                setAnswers={setAnswers}
                enterpriseId={Number(app.enterpriseId)}
              />
            </div>
          </List.Item>
        )}
      />
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        loading={saving}
        onClick={() => void save()}
        data-testid="assessment-save"
      >
        保存自查结果
      </Button>
    </div>
  );
}

function CommitmentStep({ app, onSaved }: { app: ApplicationDetail; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<{ signerName: string; signerTitle: string; agree: boolean }>();
  const [saving, setSaving] = useState(false);
  const c = app.application.package.commitment;
  const sign = async (v: { signerName: string; signerTitle: string }) => {
    setSaving(true);
    try {
      await signCommitment(app.id, app.application.version, { signerName: v.signerName, signerTitle: v.signerTitle });
      await onSaved();
      message.success('承诺书已签署');
    } catch (e) {
      message.error(issuesOf(e).join('；'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="commitment-step">
      {c ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            message={`已由 ${c.signerName}（${c.signerTitle}）于 ${formatDateTime(c.signedAt)} 签署`}
          />
          <Card size="small" style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }} data-testid="commitment-text">
            {c.text}
          </Card>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              c.pdfFileId &&
              void downloadResumptionFile({ fileId: c.pdfFileId, name: `复工复产承诺书-${app.id}.pdf` }).catch(
                (e: unknown) => message.error(errorMessage(e)),
              )
            }
            data-testid="commitment-pdf"
          >
            下载承诺书（PDF）
          </Button>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void sign(v)}
          initialValues={{ signerName: user.displayName.replace(/^企业管理员\s*/, ''), signerTitle: '法定代表人' }}
        >
          <Typography.Paragraph>
            本企业承诺：如实填报复工信息，落实疫情防控主体责任，严格执行各项防控措施，如有虚假承担相应责任。签署后生成承诺书
            PDF，载明签署人、时间和承诺内容。
          </Typography.Paragraph>
          <Space wrap>
            <Form.Item name="signerName" label="签署人" rules={[{ required: true, message: '签署人：请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="signerTitle" label="职务" rules={[{ required: true, message: '职务：请填写' }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item
            name="agree"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('承诺：请阅读并勾选同意'))),
              },
            ]}
          >
            <Checkbox>我已阅读并同意承诺书全部内容</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="commitment-sign">
            签署承诺书
          </Button>
        </Form>
      )}
    </div>
  );
}

function SubmitStep({
  app,
  published,
}: {
  app: ApplicationDetail;
  onSaved: () => Promise<void>;
  published: ConditionList | null;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [issues, setIssues] = useState<string[]>([]);
  const [response, setResponse] = useState('');
  const [saving, setSaving] = useState(false);
  const st = app.application;
  const returned = st.status === 'returned_for_correction';
  const plan = st.package.plan;
  const submit = async () => {
    setSaving(true);
    setIssues([]);
    try {
      const next = returned
        ? await resubmitApplication(app.id, st.version, response || undefined)
        : await submitApplication(app.id, st.version);
      message.success(next.status === 'resumed' ? '已准予复工' : `已提交：${next.statusLabel}`);
      navigate(`/resumption/applications/${next.id}`);
    } catch (e) {
      setIssues(issuesOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="submit-step">
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="复工方式">{modeLabel(st.mode, app.modeLabel)}</Descriptions.Item>
        <Descriptions.Item label="复工方案">
          {plan
            ? `正常用工 ${plan.normalHeadcount} 人，分 ${plan.batches.length} 批返岗，首批 ${plan.batches[0]?.startDate ?? '—'}`
            : '未填写'}
        </Descriptions.Item>
        <Descriptions.Item label="防控方案">{st.package.preventionPlan?.name ?? '未上传'}</Descriptions.Item>
        <Descriptions.Item label="自查">
          {(st.conditionList ?? published)
            ? `已答 ${Object.keys(st.package.answers).length} / ${(st.conditionList ?? published)!.items.length} 项`
            : '无需自查'}
        </Descriptions.Item>
        <Descriptions.Item label="承诺书">{st.package.commitment ? '已签署' : '未签署'}</Descriptions.Item>
      </Descriptions>
      {returned && (
        <Form.Item label="补正说明">
          <Input.TextArea rows={3} value={response} onChange={(e) => setResponse(e.target.value)} />
        </Form.Item>
      )}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="还不能提交，请补齐以下事项："
          data-testid="submit-issues"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          }
        />
      )}
      <Button type="primary" size="large" loading={saving} onClick={() => void submit()} data-testid="filing-submit">
        {returned ? '提交补正' : st.mode === 'declare' ? '申报复工' : '提交申请'}
      </Button>
    </div>
  );
}

/** 申报复工: the filing wizard — batches, prevention plan, self-assessment, commitment letter, submit. */
export default function FilingWizardPage() {
  const { id } = useParams();
  const isMobile = useIsMobile();
  const loaded = useRequest((signal) => getApplication(id ?? '0', signal), String(id));
  const my = useRequest((signal) => getMyResumption(signal), 'my');
  const published = my.data?.conditionList ?? null;
  const [step, setStep] = useState(0);
  const [stamp, setStamp] = useState(0);
  const reload = async () => {
    loaded.setData(await getApplication(id ?? '0'));
    setStamp((n) => n + 1);
  };

  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const app = loaded.data;
  const st = app?.application;
  const steps = [
    { title: '复工方案', render: (a: ApplicationDetail) => <PlanStep app={a} onSaved={reload} /> },
    { title: '防控方案', render: (a: ApplicationDetail) => <PreventionStep app={a} onSaved={reload} /> },
    {
      title: '对照清单自查',
      render: (a: ApplicationDetail) => <AssessmentStep app={a} onSaved={reload} published={published} />,
    },
    { title: '承诺书', render: (a: ApplicationDetail) => <CommitmentStep app={a} onSaved={reload} /> },
    { title: '提交', render: (a: ApplicationDetail) => <SubmitStep app={a} onSaved={reload} published={published} /> },
  ];
  return (
    <Page
      title="申报复工"
      loading={!app}
      tags={app && st && <ApplicationStatusTag status={st.status} label={app.statusLabel} />}
      subTitle={app && st ? modeLabel(st.mode, app.modeLabel) : undefined}
    >
      {app && st && (
        <Card data-testid="filing-wizard">
          {app.currentNotice && st.status === 'returned_for_correction' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message="一次性告知：请补正以下事项"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {app.currentNotice.items.map((i) => (
                    <li key={i.itemId}>
                      {i.label}：{i.notes.map((n) => n.note).join('；')}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {st.mode === 'declare' && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              message="所在地区为低风险：申报即复工，不需审批或备案。可直接到“提交”一步申报；填写复工方案有助于统计返岗人数。"
            />
          )}
          <Steps
            current={step}
            onChange={setStep}
            size="small"
            direction={isMobile ? 'vertical' : 'horizontal'}
            items={steps.map((s) => ({ title: s.title }))}
            style={{ marginBottom: 24 }}
          />
          <div key={`${step}-${stamp}`}>{steps[step]!.render(app)}</div>
          <Space style={{ marginTop: 24 }}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
            {step < steps.length - 1 && (
              <Button onClick={() => setStep(step + 1)} data-testid="wizard-next">
                下一步
              </Button>
            )}
          </Space>
        </Card>
      )}
    </Page>
  );
}
