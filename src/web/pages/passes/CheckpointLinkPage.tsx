import { Button, Card, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { Page } from '../../components/Page.tsx';

/** 卡口核验 in the menu: the checkpoint is a page of its own (works offline, can be added to the home screen). */
export default function CheckpointLinkPage() {
  return (
    <Page title="卡口核验">
      <Card size="small">
        <Typography.Paragraph>
          卡口核验页可离线使用：首次联网打开后，公钥和吊销列表保存在本机，断网时照常核验通行证和员工证，扫码记录在恢复联网后自动上传。
          在手机浏览器中打开后，可“添加到主屏幕”。
        </Typography.Paragraph>
        <Button type="primary" size="large" icon={<ScanOutlined />} href="/pages/checkpoint/">
          打开卡口核验页
        </Button>
      </Card>
    </Page>
  );
}
