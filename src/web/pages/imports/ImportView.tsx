import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Col, Row } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { importsQuery } from '../../api/imports';
import { useI18n } from '../../i18n/I18nProvider';
import { ColumnsCard } from './ColumnsCard';
import { ImportJobCard } from './ImportJobCard';
import type { ImportKind } from './import-kind';
import { RecentImports } from './RecentImports';
import { TemplateCard } from './TemplateCard';
import { UploadCard } from './UploadCard';

/** An import page of one kind: the template, the upload, the running or finished job (recent jobs). */
export function ImportView({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const jobs = useQuery({ ...importsQuery, enabled: kind.listsRecent });
  // The job shown is in the URL: reloading shows it again. Coming back without one while an
  // import runs shows that import.
  const running = kind.listsRecent ? jobs.data?.find((job) => job.status === 'running')?.id : undefined;
  const jobId = params.get('job') ?? running ?? null;
  // The other parameters (where the page was opened from) stay.
  const show = (id: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('job', id);
      return next;
    });
  const home = kind.back.path(params);

  return (
    <div data-testid={kind.testId}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'back', title: <Link to={home}>{t(kind.back.label)}</Link> },
          { title: t(kind.title) },
        ]}
      />
      {/* The steps, the outcome and the recent jobs in one column; the reference beside them. */}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <TemplateCard kind={kind} />
          <UploadCard kind={kind} onStarted={(job) => show(job.id)} />
          {jobId && <ImportJobCard key={jobId} id={jobId} kind={kind} home={home} />}
          {kind.listsRecent && <RecentImports selected={jobId} onSelect={show} />}
        </Col>
        <Col xs={24} xl={12}>
          <ColumnsCard kind={kind} />
        </Col>
      </Row>
    </div>
  );
}
