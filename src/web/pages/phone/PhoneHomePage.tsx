import { Card, Flex } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkOrderDrafts } from '../../offline/useWorkOrderDrafts';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { WorkOrderDrafts } from '../work-orders/drafts/WorkOrderDrafts';
import { GridBuildings } from './GridBuildings';
import { ResidentSearch } from './ResidentSearch';
import { WaitingTiles } from './WaitingTiles';

/** Resolutions and notes typed offline that wait to be sent (or were refused), each linking to its order. */
function WaitingDrafts({ userId }: { userId: string }) {
  const { t } = useI18n();
  const drafts = useWorkOrderDrafts(userId);
  if (drafts.length === 0) return null;
  return (
    <Card size="small" title={t('drafts.title')} data-testid="phone-drafts">
      <WorkOrderDrafts drafts={drafts} linkToOrder />
    </Card>
  );
}

/**
 * /home — a grid worker's day on one screen: drafts waiting to be sent, what waits for them, a
 * resident search, their grid's buildings. Loaded on its own (no tables, no charts), so a phone's
 * first load stays small.
 */
export function PhoneHomePage() {
  const me = useMe();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }} data-testid="phone-home">
      <WaitingDrafts userId={me.id} />
      {hasPermission(me, 'workorder.handle') && <WaitingTiles />}
      {hasPermission(me, 'person.read') && <ResidentSearch />}
      {hasPermission(me, 'region.read') && <GridBuildings />}
    </Flex>
  );
}
