import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  title: string;
  hint: string;
  testId: string;
}

/** "Not found or not yours": one sober look for unknown pages and regions outside the scope. */
export function NoAccessResult({ title, hint, testId }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card data-testid={testId}>
      <Result
        icon={<FileSearchOutlined style={{ color: '#8c9bb0' }} />}
        title={title}
        subTitle={hint}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </Card>
  );
}
