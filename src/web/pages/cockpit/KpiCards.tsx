import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { Cockpit, IndicatorDefinition } from '../../api/cockpit';
import { useI18n } from '../../i18n/I18nProvider';
import { formatValue, labelOf } from './format';

interface Props {
  cockpit: Cockpit;
  selected: string;
  onSelect: (code: string) => void;
}

/** The modules whose figures judge the organizations (监督考评): their own group of cards. */
const SUPERVISION = new Set(['meetings', 'reviews', 'surveys', 'funds', 'bulletins']);

/** One card per indicator, grouped: residents and organizations, then work orders. A click colors the map by it. */
export function KpiCards({ cockpit, selected, onSelect }: Props) {
  const { t, language } = useI18n();
  const groups: { title: string; items: IndicatorDefinition[] }[] = [
    {
      title: t('cockpit.groupPeople'),
      items: cockpit.indicators.filter((i) => i.module !== 'work-orders' && !SUPERVISION.has(i.module)),
    },
    { title: t('cockpit.groupOrders'), items: cockpit.indicators.filter((i) => i.module === 'work-orders') },
    {
      title: t('cockpit.groupSupervision'),
      items: cockpit.indicators.filter((i) => SUPERVISION.has(i.module)),
    },
  ];
  const months = cockpit.months.length;
  return (
    <>
      {groups.map((group) => (
        <div key={group.title} style={{ marginTop: 16 }}>
          <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
            {group.title}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {group.items.map((indicator) => {
              const value = cockpit.values[indicator.code];
              const interval = cockpit.intervals[indicator.code];
              const alarm = indicator.code === 'wo_overdue_now' && (value ?? 0) > 0;
              return (
                <Col key={indicator.code} xs={12} md={8} lg={6} xxl={4}>
                  <Card
                    size="small"
                    hoverable
                    onClick={() => onSelect(indicator.code)}
                    style={
                      selected === indicator.code
                        ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' }
                        : {}
                    }
                    data-testid={`cockpit-kpi-${indicator.code}`}
                  >
                    <Statistic
                      title={
                        indicator.note ? (
                          <Tooltip title={indicator.note[language]}>
                            <span data-testid={`cockpit-note-${indicator.code}`}>
                              {labelOf(indicator, language)} <InfoCircleOutlined />
                            </span>
                          </Tooltip>
                        ) : (
                          labelOf(indicator, language)
                        )
                      }
                      value={formatValue(indicator, value, t)}
                      styles={{ content: { fontSize: 22, ...(alarm ? { color: '#cf1322' } : {}) } }}
                    />
                    {interval && (
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12, display: 'block' }}
                        data-testid={`cockpit-interval-${indicator.code}`}
                      >
                        {t('cockpit.interval', { low: interval.low, high: interval.high })}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {indicator.kind === 'stock' ? t('cockpit.now') : t('cockpit.inWindow', { months })}
                    </Typography.Text>
                  </Card>
                </Col>
              );
            })}
          </Row>
        </div>
      ))}
    </>
  );
}
