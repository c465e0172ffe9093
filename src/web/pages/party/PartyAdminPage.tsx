import { Card, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { CommendationsTab } from './CommendationsTab';
import { CommitmentsTab } from './CommitmentsTab';
import { RegistrationsTab } from './RegistrationsTab';
import { TransfersTab } from './TransfersTab';

const TABS = ['registrations', 'transfers', 'commitments', 'commendations'] as const;
type Tab = (typeof TABS)[number];

/** /party — 党员管理 for secretaries: registrations, transfers, commitments, commendations. */
export function PartyAdminPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'registrations';
  const region = params.get('region') ?? '';
  const update = (changes: { tab?: Tab; region?: string }) => {
    const next = { tab, region, ...changes };
    setParams(next.region ? { tab: next.tab, region: next.region } : { tab: next.tab }, { replace: true });
  };
  return (
    <Card styles={{ body: { paddingTop: 8 } }} data-testid="party-page">
      {/* Above the tabs, not in their bar: the bar is a tablist, which may hold only tabs (issue 17). */}
      {tab !== 'transfers' && (
        <Flex align="center" justify="end" gap={8} style={{ paddingTop: 8 }}>
          <Typography.Text type="secondary">{t('party.region')}</Typography.Text>
          <RegionTreeSelect
            value={region || undefined}
            onChange={(code) => update({ region: code ?? '' })}
            placeholder={t('party.allRegions')}
            allowClear
            style={{ width: 200 }}
            testId="party-region"
          />
        </Flex>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as Tab })}
        items={[
          {
            key: 'registrations',
            label: <span data-testid="tab-registrations">{t('party.registrations')}</span>,
            children: <RegistrationsTab region={region} />,
          },
          {
            key: 'transfers',
            label: <span data-testid="tab-transfers">{t('party.transfers')}</span>,
            children: <TransfersTab />,
          },
          {
            key: 'commitments',
            label: <span data-testid="tab-commitments">{t('party.commitments')}</span>,
            children: <CommitmentsTab region={region} />,
          },
          {
            key: 'commendations',
            label: <span data-testid="tab-commendations">{t('party.commendations')}</span>,
            children: <CommendationsTab region={region} />,
          },
        ]}
      />
    </Card>
  );
}
