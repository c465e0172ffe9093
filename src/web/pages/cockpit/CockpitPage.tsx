import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Flex, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  boundariesQuery,
  type Cockpit,
  type CockpitNode,
  cockpitQuery,
  downloadCockpitXlsx,
  downloadMonthlyReport,
} from '../../api/cockpit';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { formatTime } from '../../lib/time';
import { BestWorstTable } from './BestWorstTable';
import { ChildrenTable } from './ChildrenTable';
import { KpiCards } from './KpiCards';
import { RankingChart } from './RankingChart';
import { RegionMap } from './RegionMap';
import { TrendChart } from './TrendChart';

const MONTH_CHOICES = [3, 6, 12, 24];
const DEFAULT_INDICATOR = 'wo_satisfaction_rate';

/**
 * /cockpit?region=&months=&indicator= — how service is going in a place: its indicators, a map of
 * the child regions colored by one of them (a click opens a child), the ranking, monthly trends,
 * best and worst children, every child's figures; Excel and the monthly PDF.
 */
export function CockpitPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const months = Number(params.get('months')) || 12;
  const indicatorCode = params.get('indicator') ?? DEFAULT_INDICATOR;
  const [reportMonth, setReportMonth] = useState<Dayjs>(() => dayjs());
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const cockpit = useQuery(cockpitQuery(region, months));
  const outlines = useQuery(boundariesQuery(region));

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      setParams(next);
    },
    [params, setParams],
  );
  const open = useCallback((code: string | null) => update({ region: code }), [update]);

  const save = async (kind: 'xlsx' | 'pdf') => {
    setBusy(kind);
    try {
      saveFile(
        kind === 'xlsx'
          ? await downloadCockpitXlsx(region, months)
          : await downloadMonthlyReport(region, reportMonth.format('YYYY-MM')),
      );
    } catch (error) {
      void message.error(t('cockpit.downloadFailed', { message: errorMessage(error, t) }));
    } finally {
      setBusy(null);
    }
  };

  if (cockpit.isPending) return <FullPageSpin />;
  if (cockpit.isError) return <QueryError error={cockpit.error} onRetry={() => void cockpit.refetch()} />;
  const data: Cockpit = cockpit.data;
  const nameOf = (node: CockpitNode) => (node.kind === 'scope' ? t('cockpit.myArea') : node.name);
  const indicator =
    data.indicators.find((i) => i.code === indicatorCode) ??
    data.indicators.find((i) => i.code === DEFAULT_INDICATOR)!;
  const mapKey = data.node.code ?? 'scope';

  return (
    <div data-testid="cockpit-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <div>
            {data.path.length > 0 && (
              <Breadcrumb
                style={{ marginBottom: 8 }}
                items={[
                  ...data.path.map((p, i) => ({
                    key: p.code ?? `top-${i}`,
                    title: (
                      <Typography.Link
                        onClick={() => open(i === 0 && p.kind === 'scope' ? null : p.code)}
                        data-testid={`cockpit-crumb-${p.code ?? 'top'}`}
                      >
                        {nameOf(p)}
                      </Typography.Link>
                    ),
                  })),
                  { key: 'here', title: nameOf(data.node) },
                ]}
              />
            )}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="cockpit-title">
              {t('cockpit.title', { name: nameOf(data.node) })}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.window', { from: data.months[0] ?? '', to: data.months.at(-1) ?? '' })}
              {data.asOf ? ` · ${t('cockpit.asOf', { time: formatTime(data.asOf) })}` : ''}
            </Typography.Text>
          </div>
          <Space wrap>
            <Select
              value={months}
              onChange={(value) => update({ months: String(value) })}
              options={MONTH_CHOICES.map((m) => ({ value: m, label: t('cockpit.months', { months: m }) }))}
              // "Last 12 months" needs more room than "近 12 个月"; a fixed 130 px cut it off.
              style={{ width: language === 'en' ? 170 : 130 }}
              aria-label={t('cockpit.months', { months })}
              data-testid="cockpit-months"
            />
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'xlsx'}
              onClick={() => void save('xlsx')}
              data-testid="cockpit-export-xlsx"
            >
              {t('cockpit.exportXlsx')}
            </Button>
            <Space.Compact>
              <DatePicker
                picker="month"
                allowClear={false}
                value={reportMonth}
                onChange={(value) => value && setReportMonth(value)}
                disabledDate={(date) => date.isAfter(dayjs(), 'month')}
                style={{ width: 120 }}
                aria-label={t('cockpit.reportMonth')}
                data-testid="cockpit-report-month"
              />
              <Button
                icon={<FilePdfOutlined />}
                loading={busy === 'pdf'}
                onClick={() => void save('pdf')}
                data-testid="cockpit-report-pdf"
              >
                {t('cockpit.reportPdf')}
              </Button>
            </Space.Compact>
          </Space>
        </Flex>
      </Card>

      <KpiCards cockpit={data} selected={indicator.code} onSelect={(code) => update({ indicator: code })} />

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('cockpit.map')} style={{ height: '100%' }}>
            <RegionMap
              key={mapKey}
              mapKey={mapKey}
              features={outlines.data}
              loading={outlines.isPending}
              items={data.children}
              indicators={data.indicators}
              indicator={indicator}
              onIndicator={(code) => update({ indicator: code })}
              onOpen={open}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('cockpit.ranking', { indicator: indicator.label[language] })}
            style={{ height: '100%' }}
          >
            <RankingChart items={data.children} indicator={indicator} />
          </Card>
        </Col>
      </Row>

      <Card title={t('cockpit.trend')} style={{ marginTop: 16 }}>
        <TrendChart cockpit={data} />
      </Card>

      {data.children.length > 0 && (
        <>
          <Card title={t('cockpit.children')} style={{ marginTop: 16 }}>
            <ChildrenTable cockpit={data} onOpen={open} />
          </Card>
          {/* Best and worst need two to compare. */}
          {data.children.length > 1 && (
            <Card title={t('cockpit.bestWorst')} style={{ marginTop: 16 }}>
              <BestWorstTable cockpit={data} />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
