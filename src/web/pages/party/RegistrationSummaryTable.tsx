import { Popover, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegistrationSummary } from '../../api/organization-types';
import { useI18n } from '../../i18n/I18nProvider';

/** Per community: confirmed, pending, and the in-service members living there who have not registered. */
export function RegistrationSummaryTable({
  rows,
  loading,
}: {
  rows: RegistrationSummary[];
  loading: boolean;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<RegistrationSummary> = [
    { title: t('registration.community'), dataIndex: 'communityName' },
    { title: t('registrationStatus.confirmed'), dataIndex: 'confirmed', width: 100, align: 'right' },
    { title: t('registrationStatus.pending'), dataIndex: 'pending', width: 100, align: 'right' },
    {
      title: t('registration.notRegistered'),
      key: 'notRegistered',
      width: 160,
      align: 'right',
      render: (_, row) =>
        row.notRegistered.length === 0 ? (
          0
        ) : (
          <Popover
            content={
              <div style={{ maxWidth: 320 }}>
                {row.notRegistered.map((m) => (
                  <div key={m.memberId}>
                    <Link to={`/members/${m.memberId}`}>{m.name}</Link>{' '}
                    <Typography.Text type="secondary">{m.organizationName}</Typography.Text>
                  </div>
                ))}
              </div>
            }
          >
            <Typography.Link>{row.notRegistered.length}</Typography.Link>
          </Popover>
        ),
    },
  ];
  return (
    <Table<RegistrationSummary>
      rowKey="communityCode"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="registration-summary"
    />
  );
}
