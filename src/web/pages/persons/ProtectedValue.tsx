import { Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { RevealControls } from './RevealControls';
import { useReveal } from './useReveal';

interface Props {
  personId: string;
  field: 'idNumber' | 'phone';
  label: string;
  /** As the server sent it: masked, or empty when nothing is recorded. */
  masked: string;
  canReveal: boolean;
}

/** A masked ID number or phone with 查看: shown in clear for a minute after stating a reason. */
export function ProtectedValue({ personId, field, label, masked, canReveal }: Props) {
  const { t } = useI18n();
  const { value, secondsLeft, reveal, hide } = useReveal(personId, field);
  if (!masked) return <Typography.Text type="secondary">{t('person.none')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text
        style={{
          fontFamily: 'monospace',
          fontSize: 15,
          ...(value ? { background: '#fff7e6', padding: '0 4px', borderRadius: 3 } : {}),
        }}
        data-testid={`value-${field}`}
      >
        {value ?? masked}
      </Typography.Text>
      {canReveal && (
        <RevealControls
          label={label}
          testId={field}
          secondsLeft={secondsLeft}
          revealed={value !== null}
          onReveal={reveal}
          onHide={hide}
        />
      )}
    </Space>
  );
}
