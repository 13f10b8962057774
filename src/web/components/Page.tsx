import type { ReactNode } from 'react';
import { PageContainer } from '@ant-design/pro-components';

export interface PageProps {
  title: ReactNode;
  subTitle?: ReactNode;
  /** Buttons at the right of the title. */
  extra?: ReactNode;
  /** Tags beside the title. */
  tags?: ReactNode;
  /** A line of text under the title. */
  content?: ReactNode;
  loading?: boolean;
  children?: ReactNode;
}

/** Every page: title with breadcrumb (from the route table, via ProLayout), actions at the right, then content. */
export function Page({ title, subTitle, extra, tags, content, loading, children }: PageProps) {
  return (
    <PageContainer
      title={<h1 className="ss-page-title">{title}</h1>}
      subTitle={
        subTitle || tags ? (
          <span className="ss-tags">
            {subTitle}
            {subTitle && tags ? ' ' : null}
            {tags}
          </span>
        ) : undefined
      }
      extra={extra}
      content={content}
      loading={loading ? { spinning: true, tip: '正在加载…' } : false}
    >
      {children}
    </PageContainer>
  );
}
