import { Progress, Space, Typography } from 'antd';
import type { Job } from '../api/types.ts';
import { jobPercent } from '../api/jobs.ts';
import { formatInteger } from '../lib/format.ts';

/** A job's progress bar with its count and message ("已检查 3,000 行"). */
export function JobProgress({ job, label }: { job: Job | null; label: string }) {
  const percent = jobPercent(job);
  const failed = job?.status === 'failed';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Text>{label}</Typography.Text>
      <Progress
        percent={percent ?? 0}
        status={failed ? 'exception' : job?.status === 'succeeded' ? 'success' : 'active'}
        format={(p) => (percent === null && !failed ? '准备中' : `${p ?? 0}%`)}
      />
      {job && (
        <Typography.Text type={failed ? 'danger' : 'secondary'}>
          {job.message ??
            (job.total ? `${formatInteger(job.progress)} / ${formatInteger(job.total)}` : '正在处理，请稍候…')}
        </Typography.Text>
      )}
    </Space>
  );
}
