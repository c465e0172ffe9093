import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Space, Statistic } from 'antd';
import { Link } from 'react-router';
import { download } from '../../api/client';
import { downloadStatement, myTimebankQuery } from '../../api/timebank';
import { myVolunteeringQuery } from '../../api/volunteering';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { saveFile } from '../../lib/save-file';
import { LedgerTable } from './LedgerTable';
import { StatementDownload } from './StatementDownload';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * /me/timebank — 我的爱心银行: the member's own balance and latest rows, monthly statements, and
 * from volunteering their confirmed hours and service certificates.
 */
export function MyTimebankPage() {
  const { t } = useI18n();
  const own = useQuery(myTimebankQuery);
  const volunteering = useQuery(myVolunteeringQuery);
  if (own.isError) return <QueryError error={own.error} onRetry={() => void own.refetch()} />;
  if (!own.data) return <FullPageSpin />;
  const { account, ledger } = own.data;
  const certificates = volunteering.data?.certificates ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }}>
      <Card title={t('timebank.mine')} data-testid="my-timebank">
        {account ? (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8}>
              <Statistic
                title={t('timebank.balance')}
                value={account.balanceMinutes}
                data-testid="my-timebank-balance"
              />
            </Col>
            <Col xs={12} md={8}>
              <Statistic
                title={t('timebank.volunteerHours')}
                value={hours(volunteering.data?.confirmedMinutes ?? 0)}
                suffix="h"
              />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('timebank.certificates')} value={certificates.length} />
            </Col>
          </Row>
        ) : (
          <Empty description={t('timebank.noAccountYet')} data-testid="my-timebank-none" />
        )}
      </Card>
      {account && (
        <Card title={t('timebank.statement')} size="small">
          <StatementDownload fetch={(month, format) => downloadStatement(month, format)} />
        </Card>
      )}
      {account && (
        <Card title={t('timebank.ledgerLatest')} styles={{ body: { padding: 0 } }}>
          <LedgerTable rows={ledger} />
        </Card>
      )}
      <Card
        title={t('timebank.certificates')}
        extra={<Link to="/me/volunteering">{t('timebank.myVolunteering')}</Link>}
      >
        <List
          dataSource={certificates}
          locale={{ emptyText: t('timebank.noCertificates') }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="pdf"
                  size="small"
                  onClick={async () =>
                    saveFile(
                      await download(
                        'GET',
                        `/api/me/volunteering/certificates/${c.id}/pdf`,
                        `${c.serial}.pdf`,
                      ),
                    )
                  }
                >
                  PDF
                </Button>,
              ]}
            >
              {`${c.serial} · ${c.teamName} · ${hours(c.minutes)} h · ${c.issuedOn}`}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
