import { EditOutlined, HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { PersonDetail } from '../../api/types';
import { TagList } from '../../components/TagList';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  person: PersonDetail;
  canWrite: boolean;
  onCorrect: () => void;
}

/** Name, gender, age and tags, with the way to the household and the correction form. */
export function PersonHeader({ person, canWrite, onCorrect }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const anonymized = person.status === 'anonymized';
  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'persons', title: <Link to="/persons">{t('person.back')}</Link> },
          { title: person.name },
        ]}
      />
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Space align="center" size={10} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="person-name">
            {person.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(`gender.${person.gender}`)} · {t('person.ageValue', { age: person.age })}
          </Typography.Text>
          {person.status !== 'active' && <Tag>{t(`personStatus.${person.status}`)}</Tag>}
          <TagList tags={person.tags} />
        </Space>
        <Space>
          <Button
            icon={<HomeOutlined />}
            onClick={() => navigate(`/households/${person.householdId}`)}
            data-testid="person-household"
          >
            {t('person.household')}
          </Button>
          {canWrite && !anonymized && (
            <Button icon={<EditOutlined />} onClick={onCorrect} data-testid="person-correct">
              {t('correct.button')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
