import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Col, Row } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { importsQuery } from '../../api/imports';
import { useI18n } from '../../i18n/I18nProvider';
import { ColumnsCard } from './ColumnsCard';
import { ImportJobCard } from './ImportJobCard';
import { RecentImports } from './RecentImports';
import { TemplateCard } from './TemplateCard';
import { UploadCard } from './UploadCard';

/** /imports — resident imports: the template, the upload, the running or finished job, recent jobs. */
export function ImportsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const jobs = useQuery(importsQuery);
  // The job shown is in the URL: reloading shows it again. Coming back without one while an
  // import runs shows that import.
  const jobId = params.get('job') ?? jobs.data?.find((job) => job.status === 'running')?.id ?? null;
  const show = (id: string) => setParams({ job: id });

  return (
    <div data-testid="imports-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'persons', title: <Link to="/persons">{t('imports.back')}</Link> },
          { title: t('imports.title') },
        ]}
      />
      {/* The steps, the outcome and the recent jobs in one column; the reference beside them. */}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <TemplateCard />
          <UploadCard onStarted={(job) => show(job.id)} />
          {jobId && <ImportJobCard key={jobId} id={jobId} />}
          <RecentImports selected={jobId} onSelect={show} />
        </Col>
        <Col xs={24} xl={12}>
          <ColumnsCard />
        </Col>
      </Row>
    </div>
  );
}
