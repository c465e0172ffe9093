import { Flex, Select } from 'antd';
import { useMemo } from 'react';
import { levelOf, REGION_CODE_LENGTH, regionAt } from '../../../shared/region-code';
import type { PortalPlace } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';

/** The levels a resident picks: a street (or town), a community (or village) and a grid. */
const LEVELS = ['street', 'community', 'grid'] as const;

interface Props {
  places: PortalPlace[];
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/**
 * Street → community → grid as three full-width selects (easier on a phone than a cascader).
 * The value is the deepest region chosen; choosing a level clears the ones below it.
 */
export function PlacePicker({ places, value, onChange }: Props) {
  const { t } = useI18n();
  const children = useMemo(() => {
    const map = new Map<string, PortalPlace[]>();
    for (const place of places) {
      const parent = place.parentCode ?? '';
      map.set(parent, [...(map.get(parent) ?? []), place]);
    }
    return map;
  }, [places]);
  const root = places.find((p) => levelOf(p.code) === LEVELS[0])?.parentCode ?? '';
  const chosen = LEVELS.map((level) =>
    value && value.length >= REGION_CODE_LENGTH[level] ? regionAt(value, level) : undefined,
  );
  const parents = [root, chosen[0], chosen[1]];
  const placeholders = [t('portal.new.street'), t('portal.new.community'), t('portal.new.grid')];

  return (
    <Flex vertical gap={8} data-testid="portal-place">
      {LEVELS.map((name, level) => {
        const parent = parents[level];
        const options = parent !== undefined ? (children.get(parent) ?? []) : [];
        if (level > 0 && options.length === 0) return null;
        return (
          <Select<string>
            key={name}
            value={chosen[level]}
            onChange={(code) => onChange?.(code ?? parents[level] ?? undefined)}
            allowClear={level === 2}
            disabled={level > 0 && !parent}
            placeholder={placeholders[level]}
            options={options.map((place) => ({ value: place.code, label: place.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={`portal-place-${level}`}
          />
        );
      })}
    </Flex>
  );
}
