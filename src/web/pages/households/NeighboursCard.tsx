import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { neighboursQuery } from '../../api/households';
import type { Neighbour } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { TagList } from '../../components/TagList';
import { useI18n } from '../../i18n/I18nProvider';
import { placeOf } from './place';

function NeighbourLink({ neighbour }: { neighbour: Neighbour }) {
  const { t } = useI18n();
  const { household, relation, distanceMetres } = neighbour;
  return (
    <Link
      to={`/households/${household.id}`}
      className="lx-tile"
      style={{ width: 200 }}
      data-testid={`neighbour-${relation}`}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`household.relation.${relation}`)}
        {distanceMetres !== null && ` · ${t('household.distance', { distance: distanceMetres })}`}
      </Typography.Text>
      <div style={{ fontWeight: 600 }}>{placeOf(t, household)}</div>
      <div>
        {household.headName ?? t('household.noHead')} · {t('household.sizeValue', { count: household.size })}
      </div>
      <TagList tags={household.tags} small />
    </Link>
  );
}

/** Left, right, above and below (or the nearest, outside buildings): one click to each. */
export function NeighboursCard({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const neighbours = useQuery(neighboursQuery(householdId));
  return (
    <Card title={t('household.neighbours')} style={{ marginTop: 16 }} data-testid="neighbours-card">
      {neighbours.isPending && <Spin />}
      {neighbours.isError && (
        <QueryError error={neighbours.error} onRetry={() => void neighbours.refetch()} />
      )}
      {neighbours.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.noNeighbours')} />
      )}
      {neighbours.data && neighbours.data.length > 0 && (
        <Flex gap={12} wrap>
          {neighbours.data.map((n) => (
            <NeighbourLink key={n.household.id} neighbour={n} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
