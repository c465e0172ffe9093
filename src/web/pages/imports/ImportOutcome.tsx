import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Result, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { downloadReport } from '../../api/imports';
import type { ImportJob } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import type { CountKey, ImportKind } from './import-kind';

const resultStyle = { padding: '16px 16px 8px' };

function ReportButton({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useMutation({
    mutationFn: () => downloadReport(job.id),
    onSuccess: saveFile,
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <Button
      type="primary"
      danger
      icon={<DownloadOutlined />}
      loading={report.isPending}
      onClick={() => report.mutate()}
      data-testid="download-report"
    >
      {t('imports.downloadReport')}
    </Button>
  );
}

/** The counts of a finished import, as a row of numbers. */
function Counts({ job, keys }: { job: ImportJob; keys: readonly CountKey[] }) {
  const { t } = useI18n();
  return (
    <Row gutter={16} justify="center" data-testid="import-counts">
      {keys.map((key) => (
        <Col key={key}>
          <Statistic
            title={t(`imports.${key}`)}
            value={job[key]}
            styles={key === 'invalid' && job.invalid > 0 ? { content: { color: '#cf1322' } } : {}}
            data-testid={`import-count-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
}

/** A finished import: rejected (nothing written, the report), succeeded (counts) or failed. */
export function ImportOutcome({ job, kind, home }: { job: ImportJob; kind: ImportKind; home: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (job.status === 'rejected') {
    return (
      <Result
        status="error"
        title={t('imports.rejected')}
        subTitle={t('imports.rejectedHint', { invalid: job.invalid })}
        extra={job.hasReport && <ReportButton job={job} />}
        style={resultStyle}
        data-testid="import-rejected"
      >
        <Counts job={job} keys={['totalRows', 'invalid']} />
      </Result>
    );
  }
  if (job.status === 'succeeded') {
    return (
      <Result
        status="success"
        title={t('imports.succeeded')}
        subTitle={
          job.invalid > 0
            ? t('imports.skippedHint', { invalid: job.invalid })
            : t('imports.succeededHint', { file: job.fileName })
        }
        extra={[
          <Button key="done" onClick={() => navigate(home)} data-testid={kind.done.testId}>
            {t(kind.done.label)}
          </Button>,
          job.hasReport && <ReportButton key="report" job={job} />,
        ]}
        style={resultStyle}
        data-testid="import-succeeded"
      >
        <Counts job={job} keys={job.invalid > 0 ? [...kind.counts, 'invalid'] : kind.counts} />
      </Result>
    );
  }
  return (
    <Result
      status="error"
      title={t('imports.failed')}
      subTitle={job.message}
      extra={job.hasReport && <ReportButton job={job} />}
      style={resultStyle}
      data-testid="import-failed"
    />
  );
}
