import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { PortalCard } from '../PortalLayout';
import { useElderMode } from './elder-mode';

/** On the standard home: elder mode said in words, with a big button to turn it on. */
export function ElderModeCard() {
  const { t } = useI18n();
  const { on, set } = useElderMode();
  return (
    <PortalCard testId="elder-mode-card">
      <Flex justify="space-between" align="center" gap={12}>
        <div>
          <Typography.Text strong style={{ fontSize: 17, display: 'block' }}>
            {t('elder.toggle.name')}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 15 }}>{t('elder.toggle.card')}</Typography.Text>
        </div>
        <Button
          size="large"
          type={on ? 'default' : 'primary'}
          ghost={!on}
          onClick={() => set(!on)}
          style={{ minWidth: 88, minHeight: 48, flexShrink: 0 }}
          data-testid="elder-mode-card-switch"
        >
          {on ? t('elder.toggle.turnOff') : t('elder.toggle.turnOn')}
        </Button>
      </Flex>
    </PortalCard>
  );
}
