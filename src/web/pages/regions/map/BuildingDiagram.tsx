import { Empty, Flex, Typography } from 'antd';
import type { HouseholdCell } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';
import { layoutBuilding } from './building-layout';
import { HouseholdTile } from './HouseholdTile';
import type { VisitStateOf } from './visit-states';

const FLOOR_LABEL_WIDTH = 44;
const CELL_WIDTH = 128;
/** A room narrower than this cannot show a name: the unit scrolls sideways in its own box instead. */
const MIN_CELL_WIDTH = 84;

/**
 * The building drawn as it stands: per unit, floors top to bottom and rooms left to right; each
 * room marked by its visit state when a campaign covers the building. On a narrow screen the
 * rooms give up width down to MIN_CELL_WIDTH; a unit wider still scrolls sideways inside its own
 * box, never the page.
 */
export function BuildingDiagram({
  households,
  visitOf,
}: {
  households: HouseholdCell[];
  visitOf?: VisitStateOf | undefined;
}) {
  const { t } = useI18n();
  if (households.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.empty')} />;
  }
  const units = layoutBuilding(households);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('map.legend')}
      </Typography.Paragraph>
      <Flex gap={24} wrap align="flex-start" data-testid="building-diagram">
        {units.map(({ unit, floors, positions }) => (
          <div key={unit} style={{ minWidth: 0, maxWidth: '100%' }} data-testid={`map-unit-${unit}`}>
            <Typography.Title level={5} style={{ marginTop: 0, marginLeft: FLOOR_LABEL_WIDTH }}>
              {unit ? t('household.unit', { unit }) : t('map.unitUnknown')}
            </Typography.Title>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: `${FLOOR_LABEL_WIDTH}px repeat(${positions.length}, minmax(${MIN_CELL_WIDTH}px, ${CELL_WIDTH}px))`,
                overflowX: 'auto',
                gap: 6,
                padding: 8,
                background: '#f5f7fa',
                border: '1px solid #e3e7ee',
                borderRadius: 4,
              }}
            >
              {floors.map(({ floor, cells }) => [
                <Typography.Text
                  key={`floor-${floor}`}
                  type="secondary"
                  style={{ alignSelf: 'center', textAlign: 'right', fontSize: 12 }}
                >
                  {floor === null ? t('map.floorUnknown') : t('household.floor', { floor })}
                </Typography.Text>,
                ...cells.map((cell, i) =>
                  cell ? (
                    <HouseholdTile key={cell.id} cell={cell} visit={visitOf?.(cell.id)} />
                  ) : (
                    <div
                      key={`${floor}-${positions[i]}`}
                      style={{ border: '1px dashed #d5dae3', borderRadius: 4 }}
                    />
                  ),
                ),
              ])}
            </div>
          </div>
        ))}
      </Flex>
    </>
  );
}
