import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button, Card, Col, Form, Row, Space } from 'antd';
import type { FormInstance } from 'antd';
import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { useIsMobile } from '../lib/useMediaQuery.ts';

export interface SearchFormProps<V> {
  form: FormInstance<V>;
  /** One Form.Item per filter, in order of use; the first few stay visible when folded. */
  fields: ReactNode[];
  onSearch: (values: V) => void;
  onReset: () => void;
}

/** The search area above every list: filters in a responsive grid, 查询 / 重置, and 展开 for the rest. */
export function SearchForm<V extends object>({ form, fields, onSearch, onReset }: SearchFormProps<V>) {
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? fields.length : isMobile ? 1 : 3;
  const foldable = fields.length > visible || expanded;
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<V> form={form} layout="vertical" onFinish={onSearch} role="search" aria-label="筛选条件">
        <Row gutter={16}>
          {fields.map((field, i) => (
            <Col key={i} xs={24} sm={12} md={8} xl={6} style={i < visible ? undefined : { display: 'none' }}>
              {field}
            </Col>
          ))}
          <Col xs={24} sm={12} md={8} xl={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Form.Item label={isMobile ? undefined : ' '} colon={false} style={{ width: '100%' }}>
              <Space wrap>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    onReset();
                  }}
                >
                  重置
                </Button>
                {foldable && (
                  <Button type="link" style={{ paddingInline: 4 }} onClick={() => setExpanded((e) => !e)}>
                    {expanded ? '收起' : '更多筛选'} {expanded ? <UpOutlined /> : <DownOutlined />}
                  </Button>
                )}
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
