import { useNavigate } from 'react-router';
import type { HouseholdCell } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';
import { VISIT_COLORS, type VisitStateOf } from './visit-states';

const WIDTH = 640;
const HEIGHT = 320;
const PAD = 24;

type Placed = HouseholdCell & { latitude: number; longitude: number };

/**
 * Households outside buildings, placed by their coordinates (north up); a dot opens the household.
 * With a campaign, a dot takes its visit state's colour and says the state in its tooltip.
 */
export function HouseholdScatter({
  households,
  visitOf,
}: {
  households: Placed[];
  visitOf?: VisitStateOf | undefined;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const lats = households.map((h) => h.latitude);
  const lons = households.map((h) => h.longitude);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  // One scale for both axes keeps distances true; a single household sits in the middle.
  const span = Math.max(maxLat - minLat, (maxLon - minLon) * Math.cos((minLat * Math.PI) / 180), 1e-6);
  const scale = Math.min(WIDTH - 2 * PAD, HEIGHT - 2 * PAD) / span;
  const x = (lon: number) =>
    WIDTH / 2 + (lon - (minLon + maxLon) / 2) * Math.cos((minLat * Math.PI) / 180) * scale;
  const y = (lat: number) => HEIGHT / 2 - (lat - (minLat + maxLat) / 2) * scale;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      style={{
        width: '100%',
        maxWidth: WIDTH,
        background: '#f5f7fa',
        border: '1px solid #e3e7ee',
        borderRadius: 4,
      }}
      // Not role="img": an image's children are hidden from a screen reader, and each dot is a
      // link named by its <title> (head, address, size, visit state) to be read and followed.
      aria-label={t('map.loose')}
      data-testid="household-scatter"
    >
      <title>{t('map.loose')}</title>
      {households.map((h) => {
        const caring = h.caringMember ? ` · ${t('map.caring', { name: h.caringMember })}` : '';
        const visit = visitOf?.(h.id);
        const visited = visit ? ` · ${t(`visitMap.state.${visit.state}`)}` : '';
        const label = `${h.headName ?? t('household.noHead')} · ${h.address} · ${t('household.sizeValue', { count: h.size })}${caring}${visited}`;
        return (
          <a
            key={h.id}
            href={`/households/${h.id}`}
            className="lx-scatter-dot"
            onClick={(event) => {
              event.preventDefault();
              navigate(`/households/${h.id}`);
            }}
            data-testid={`scatter-${h.id}`}
            data-visit-state={visit?.state}
          >
            <title>{label}</title>
            <circle
              cx={x(h.longitude)}
              cy={y(h.latitude)}
              r={7}
              fill={visit ? VISIT_COLORS[visit.state] : '#1d5fb8'}
              stroke="#fff"
              strokeWidth={2}
            />
            {h.headName && (
              <text x={x(h.longitude) + 10} y={y(h.latitude) + 4} fontSize={12} fill="#333">
                {h.headName}
              </text>
            )}
          </a>
        );
      })}
    </svg>
  );
}

export const isPlaced = (h: HouseholdCell): h is Placed => h.latitude !== null && h.longitude !== null;
