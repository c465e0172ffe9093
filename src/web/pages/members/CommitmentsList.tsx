import { Button, Card, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Commitment } from '../../api/organization-types';
import { FigureProgress } from '../../components/FigureProgress';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  commitments: Commitment[];
  loading: boolean;
  /** The card's extra (e.g. 新增承诺). */
  extra?: ReactNode;
  /** When given, each commitment offers 更新进度. */
  onProgress?: (commitment: Commitment) => void;
}

/** A member's commitments (承诺践诺): year, content, progress and how the people served rate it. */
export function CommitmentsList({ commitments, loading, extra, onProgress }: Props) {
  const { t } = useI18n();
  return (
    <Card title={t('commitment.title')} size="small" extra={extra} style={{ marginTop: 16 }}>
      <List
        loading={loading}
        dataSource={commitments}
        locale={{
          emptyText: <Typography.Text type="secondary">{t('commitment.none')}</Typography.Text>,
        }}
        renderItem={(c) => (
          <List.Item
            data-testid={`commitment-${c.id}`}
            actions={
              onProgress
                ? [
                    <Button
                      key="progress"
                      size="small"
                      onClick={() => onProgress(c)}
                      data-testid={`progress-${c.id}`}
                    >
                      {t('commitment.updateProgress')}
                    </Button>,
                  ]
                : []
            }
          >
            <div style={{ width: '100%' }}>
              <Space size={8}>
                <Typography.Text type="secondary">{t('commitment.year', { year: c.year })}</Typography.Text>
                <Typography.Text>{c.content}</Typography.Text>
              </Space>
              <FigureProgress
                label={`${c.content} ${t('commitment.progress')}`}
                percent={c.progress}
                size="small"
                style={{ margin: '4px 0 0', maxWidth: 360 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.satisfactionRate === null
                  ? t('commitment.notRated')
                  : t('commitment.satisfaction', {
                      rate: Math.round(c.satisfactionRate * 100),
                      count: c.ratings.total,
                    })}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
