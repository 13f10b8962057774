import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { getAnomaly } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { ACTION_LABEL, CaseTimeline, StepModal, nextStepsFor } from './AnomalyParts.tsx';
import { AnomalyStateTag, Temperature, symptomText } from './labels.tsx';
import type { AnomalyState } from './labels.tsx';

const SOURCE_LABEL: Record<string, string> = {
  declaration: '员工申报',
  entry_check: '门岗测温',
  self_report: '本人报告',
};

/** One anomaly case (the link in the alert): what was found, the flow with times, and the next step. */
export default function AnomalyDetailPage() {
  const { id } = useParams();
  const caseId = Number(id);
  const user = useCurrentUser();
  const detail = useRequest((signal) => getAnomaly(caseId, signal), `anomaly-${caseId}`);
  const [to, setTo] = useState<AnomalyState | null>(null);
  const c = detail.data;

  if (detail.error && !c) {
    return (
      <Page title="异常处置记录">
        <LoadFailed detail={errorMessage(detail.error)} onRetry={detail.reload} />
      </Page>
    );
  }
  const next = c ? nextStepsFor(user, c) : [];
  return (
    <Page
      title={c ? `异常处置：${c.personName ?? `员工 ${c.personId}`}` : '异常处置记录'}
      tags={c && <AnomalyStateTag state={c.state} label={c.stateLabel} />}
      loading={!c}
      extra={
        next.length > 0 && (
          <Space wrap>
            {next.map((s) => (
              <Button key={s} type={s === next[0] ? 'primary' : 'default'} onClick={() => setTo(s)}>
                {ACTION_LABEL[s]}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title="异常情况" size="small" data-testid="anomaly-detail">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="员工">
                  <Link to={`/health/roster/${c.personId}`}>{c.personName ?? `员工 ${c.personId}`}</Link>
                </Descriptions.Item>
                {c.enterpriseName && <Descriptions.Item label="企业">{c.enterpriseName}</Descriptions.Item>}
                <Descriptions.Item label="发现时间">{formatDateTime(c.detectedAt)}</Descriptions.Item>
                <Descriptions.Item label="来源">{SOURCE_LABEL[c.source] ?? c.source}</Descriptions.Item>
                <Descriptions.Item label="体温">
                  <Temperature value={c.temperatureC} />
                </Descriptions.Item>
                <Descriptions.Item label="症状">{symptomText(c.symptoms)}</Descriptions.Item>
                <Descriptions.Item label="隔离观察区">{c.isolationArea ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="转诊机构">{c.facility ?? '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="处置流程（上报 → 隔离观察区 → 转诊 → 结果）" size="small">
              <CaseTimeline c={c} />
            </Card>
          </Col>
        </Row>
      )}
      <StepModal
        target={c && to ? { c, to } : null}
        onClose={() => setTo(null)}
        onDone={() => {
          setTo(null);
          detail.reload();
        }}
      />
    </Page>
  );
}
