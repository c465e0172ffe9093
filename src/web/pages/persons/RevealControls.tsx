import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { REVEAL_SECONDS } from './useReveal';

interface Props {
  /** The field's name as the dialog says it (公民身份号码, 手机号码, 健康档案). */
  label: string;
  testId: string;
  secondsLeft: number;
  revealed: boolean;
  onReveal: (reason: string) => Promise<void>;
  onHide: () => void;
}

/** 查看 (asks for the reason) while hidden; the countdown and 隐藏 while shown. */
export function RevealControls({ label, testId, secondsLeft, revealed, onReveal, onHide }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (revealed) {
    return (
      <>
        <Tag color="orange" data-testid={`countdown-${testId}`}>
          {t('reveal.countdown', { seconds: secondsLeft })}
        </Tag>
        <Button type="link" size="small" icon={<EyeInvisibleOutlined />} onClick={onHide}>
          {t('reveal.hide')}
        </Button>
      </>
    );
  }
  return (
    <>
      <Button
        type="link"
        size="small"
        icon={<EyeOutlined />}
        onClick={() => setAsking(true)}
        data-testid={`reveal-${testId}`}
      >
        {t('reveal.button')}
      </Button>
      {asking && (
        <ReasonModal
          title={t('reveal.title', { field: label })}
          hint={t('reveal.hint', { seconds: REVEAL_SECONDS })}
          okText={t('reveal.button')}
          onSubmit={onReveal}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
