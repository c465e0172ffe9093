import { Card, Col, Row, Typography } from 'antd';
import type { Coverage } from '../../api/organization-types';
import { FigureProgress } from '../../components/FigureProgress';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';

interface Figure {
  key: string;
  title: MessageKey;
  percent: number;
  part: number;
  whole: number;
  unit: MessageKey;
}

/** The four figures: care, warm groups, corridor branches of buildings, enterprise organizations. */
export function CoverageCards({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const figures: Figure[] = [
    {
      key: 'care',
      title: 'coverage.care',
      percent: coverage.carePercent,
      part: coverage.caredHouseholds,
      whole: coverage.households,
      unit: 'coverage.householdsUnit',
    },
    {
      key: 'warm',
      title: 'coverage.warmGroup',
      percent: coverage.warmGroupPercent,
      part: coverage.warmGroupHouseholds,
      whole: coverage.households,
      unit: 'coverage.householdsUnit',
    },
    {
      key: 'corridor',
      title: 'coverage.corridorBranch',
      percent: coverage.corridorBranchPercent,
      part: coverage.buildingsWithCorridorBranch,
      whole: coverage.buildings,
      unit: 'coverage.buildingsUnit',
    },
    {
      key: 'enterprise',
      title: 'coverage.enterprise',
      percent: coverage.enterprisePercent,
      part: coverage.enterprisesWithOrganization,
      whole: coverage.enterprises,
      unit: 'coverage.enterprisesUnit',
    },
  ];
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      {figures.map((f) => (
        <Col key={f.key} xs={24} md={12} xl={6}>
          <Card data-testid={`coverage-${f.key}`}>
            <Typography.Text type="secondary">{t(f.title)}</Typography.Text>
            <Typography.Title level={2} style={{ margin: '4px 0' }} data-testid={`coverage-${f.key}-percent`}>
              {/* Nothing to cover (no enterprises yet) is not 0 % coverage. */}
              {f.whole === 0 ? '—' : `${f.percent}%`}
            </Typography.Title>
            <FigureProgress label={t(f.title)} percent={f.percent} showInfo={false} size="small" />
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid={`coverage-${f.key}-counts`}
            >
              {t('coverage.counts', { part: f.part, whole: f.whole, unit: t(f.unit) })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
