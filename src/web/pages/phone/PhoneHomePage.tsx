import { Flex } from 'antd';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { GridBuildings } from './GridBuildings';
import { ResidentSearch } from './ResidentSearch';
import { WaitingTiles } from './WaitingTiles';

/**
 * /home — a grid worker's day on one screen: what waits for them, a resident search, their
 * grid's buildings. Loaded on its own (no tables, no charts), so a phone's first load stays small.
 */
export function PhoneHomePage() {
  const me = useMe();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }} data-testid="phone-home">
      {hasPermission(me, 'workorder.handle') && <WaitingTiles />}
      {hasPermission(me, 'person.read') && <ResidentSearch />}
      {hasPermission(me, 'region.read') && <GridBuildings />}
    </Flex>
  );
}
