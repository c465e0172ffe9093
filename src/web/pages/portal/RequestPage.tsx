import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Flex, Image, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { photoUrl, requestQuery } from '../../api/portal';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { usePortalCategoryName } from './category-name';
import { useTextSize } from './elder/elder-mode';
import type { SubmittedState } from './NewRequestPage';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalStageTag } from './PortalStageTag';
import { deadlineDay, shortTime } from './portal-time';
import { RatingForm } from './RatingForm';
import { RequestTimeline } from './RequestTimeline';
import { PortalQueryError } from './session';

/** /m/requests/:id — where a request stands, what was done, and the rating once it is closed. */
export function RequestPage() {
  const { t } = useI18n();
  const size = useTextSize();
  const categoryName = usePortalCategoryName();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // Said once, right after submitting: not again after a reload or a return to this page.
  const [submitted] = useState(() => location.state as SubmittedState | null);
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const request = useQuery({ ...requestQuery(id), refetchInterval: 30_000 });

  return (
    <PortalPage title={request.data ? categoryName(request.data) : ''} back="/m" testId="portal-request-page">
      {request.isPending && <FullPageSpin />}
      {request.isError && <PortalQueryError error={request.error} onRetry={() => void request.refetch()} />}
      {request.data && (
        <>
          {submitted?.submitted && (
            <Alert
              type="success"
              showIcon
              title={t('portal.request.submitted', { number: submitted.submitted })}
              style={{ marginBottom: 12 }}
              data-testid="portal-submitted"
            />
          )}
          {submitted?.photoFailure && (
            <Alert
              type="warning"
              showIcon
              title={t('portal.new.photoFailed', { message: submitted.photoFailure })}
              style={{ marginBottom: 12 }}
            />
          )}
          <PortalCard testId="portal-request-summary">
            <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
              <Typography.Text strong style={{ fontSize: size(18) }}>
                {categoryName(request.data)}
              </Typography.Text>
              <PortalStageTag status={request.data.status} large />
            </Flex>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'number', label: t('portal.request.number'), children: request.data.number },
                {
                  key: 'created',
                  label: t('portal.request.createdAt'),
                  children: shortTime(request.data.createdAt),
                },
                request.data.closedAt
                  ? {
                      key: 'closed',
                      label: t('portal.request.closedAt'),
                      children: shortTime(request.data.closedAt),
                    }
                  : {
                      key: 'due',
                      label: t('portal.request.dueAt'),
                      children: t('portal.request.dueBy', { date: deadlineDay(request.data.dueAt) }),
                    },
                ...(request.data.satisfaction && request.data.status === 'archived'
                  ? [
                      {
                        key: 'rating',
                        label: t('portal.rating.yours'),
                        children: (
                          <Typography.Text strong data-testid="portal-rated">
                            {t(`portal.rating.${request.data.satisfaction}`)}
                          </Typography.Text>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </PortalCard>

          {request.data.resolution && (
            <PortalCard title={t('portal.request.resolution')} testId="portal-resolution">
              <Typography.Paragraph style={{ margin: 0, fontSize: size(15) }}>
                {request.data.resolution}
              </Typography.Paragraph>
            </PortalCard>
          )}

          {request.data.canRate && <RatingForm requestId={request.data.id} />}

          <PortalCard title={t('portal.request.progress')}>
            <RequestTimeline items={request.data.timeline} />
          </PortalCard>

          <PortalCard title={t('portal.request.content')}>
            <Typography.Paragraph style={{ fontSize: size(15), whiteSpace: 'pre-wrap' }}>
              {request.data.description}
            </Typography.Paragraph>
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: size(13) }}
              data-testid="portal-public-description"
            >
              {request.data.publicDescription === null
                ? t('portal.request.notPublic')
                : `${t('portal.request.publicAs')}${request.data.publicDescription}`}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('portal.request.place')}
              {t('common.colon')}
            </Typography.Text>
            <Typography.Text>
              {[...request.data.placePath, request.data.address].filter(Boolean).join(' ')}
            </Typography.Text>
            {request.data.photos.length > 0 && (
              <Flex gap={8} wrap style={{ marginTop: 12 }} data-testid="portal-request-photos">
                <Image.PreviewGroup>
                  {request.data.photos.map((photo, index) => (
                    <Image
                      key={photo.id}
                      src={photoUrl(request.data.id, photo.id)}
                      alt={`${t('portal.new.photos')} ${index + 1}`}
                      width={96}
                      height={96}
                      style={{ objectFit: 'cover', borderRadius: 6 }}
                    />
                  ))}
                </Image.PreviewGroup>
              </Flex>
            )}
          </PortalCard>
        </>
      )}
    </PortalPage>
  );
}
