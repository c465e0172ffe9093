import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Space, Timeline } from 'antd';
import type { PersonDetail } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

/** Where the person moved within the district (recorded by imports that change their grid). */
export function MovesCard({ moves }: { moves: PersonDetail['moves'] }) {
  const { t } = useI18n();
  if (moves.length === 0) return null;
  return (
    <Card title={t('person.moves')} style={{ marginTop: 16 }}>
      <Timeline
        items={moves.map((move) => ({
          key: move.at,
          title: formatTime(move.at),
          content: (
            <Space size={6}>
              <RegionName code={move.fromRegionCode} link />
              <ArrowRightOutlined />
              <RegionName code={move.toRegionCode} link />
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
