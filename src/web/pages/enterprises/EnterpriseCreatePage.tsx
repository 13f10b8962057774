import { useNavigate } from 'react-router-dom';
import { Page } from '../../components/Page.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';

export default function EnterpriseCreatePage() {
  const navigate = useNavigate();
  return (
    <Page title="新增企业" content="登记一家企业（一企一档）。统一社会信用代码登记后不能修改。">
      <EnterpriseForm
        mode="create"
        onSaved={(saved) => navigate(`/enterprises/${saved.id}`, { replace: true })}
        onCancel={() => navigate('/enterprises')}
      />
    </Page>
  );
}
