import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { useResident } from '../session';
import { useElderMode } from './elder-mode';

/**
 * Offers elder mode once, when the server says the register suggests it (a bare yes/no: the tag
 * or age behind it never reaches the phone). Either answer is remembered on the account, so the
 * offer does not come back.
 */
export function ElderSuggestion() {
  const { t } = useI18n();
  const resident = useResident();
  const { on, set } = useElderMode();
  const [answered, setAnswered] = useState(false);
  const open = resident.suggestElderMode && !on && !answered;
  const answer = (yes: boolean) => {
    setAnswered(true);
    set(yes);
  };
  return (
    <Modal
      open={open}
      title={<span style={{ fontSize: 24 }}>{t('elder.suggest.title')}</span>}
      onCancel={() => answer(false)}
      footer={null}
      centered
      destroyOnHidden
      data-testid="elder-suggestion"
    >
      <Typography.Paragraph style={{ fontSize: 20 }}>{t('elder.suggest.body')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        <Button
          type="primary"
          block
          onClick={() => answer(true)}
          style={{ height: 56, fontSize: 22 }}
          data-testid="elder-suggestion-yes"
        >
          {t('elder.suggest.yes')}
        </Button>
        <Button
          block
          onClick={() => answer(false)}
          style={{ height: 56, fontSize: 20 }}
          data-testid="elder-suggestion-no"
        >
          {t('elder.suggest.no')}
        </Button>
      </Flex>
    </Modal>
  );
}
