import { Table, Typography } from 'antd';
import type { Cockpit, CockpitChild } from '../../api/cockpit';
import type { RegionKind } from '../../api/types';
import { KindTag } from '../../components/KindTag';
import { useI18n } from '../../i18n/I18nProvider';
import { formatValue, labelOf } from './format';

/** Every child region with every indicator; a name with regions below opens it. */
export function ChildrenTable({ cockpit, onOpen }: { cockpit: Cockpit; onOpen: (code: string) => void }) {
  const { t, language } = useI18n();
  return (
    <Table<CockpitChild>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={cockpit.children}
      scroll={{ x: 'max-content' }}
      data-testid="cockpit-children"
      columns={[
        {
          title: t('cockpit.region'),
          fixed: 'left',
          render: (_, child) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {child.hasChildren ? (
                <Typography.Link
                  onClick={() => onOpen(child.code)}
                  data-testid={`cockpit-child-${child.code}`}
                >
                  {child.name}
                </Typography.Link>
              ) : (
                <span data-testid={`cockpit-child-${child.code}`}>{child.name}</span>
              )}{' '}
              <KindTag kind={child.kind as RegionKind} />
            </span>
          ),
        },
        ...cockpit.indicators.map((indicator) => ({
          key: indicator.code,
          title: labelOf(indicator, language),
          align: 'right' as const,
          sorter: (a: CockpitChild, b: CockpitChild) =>
            (a.values[indicator.code] ?? -1) - (b.values[indicator.code] ?? -1),
          render: (_: unknown, child: CockpitChild) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {formatValue(indicator, child.values[indicator.code], t)}
            </span>
          ),
        })),
      ]}
    />
  );
}
