import { Spin } from 'antd';

/** The content area while a page's code or data loads. */
export function PageLoading() {
  return (
    <div style={{ padding: '96px 0', textAlign: 'center' }} role="status">
      <Spin tip="正在加载…">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}
