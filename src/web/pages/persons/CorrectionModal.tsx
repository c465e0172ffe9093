import { useQuery } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { type PersonCorrection, tagsQuery } from '../../api/persons';
import type { PersonDetail } from '../../api/types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { useTagName } from '../../lib/tag-name';
import { useCorrectPerson } from './usePersonMutations';

interface CorrectionForm {
  name: string;
  phone?: string;
  clearPhone?: boolean;
  ethnicity?: string;
  currentAddress?: string;
  registeredAddress?: string;
  note?: string;
  tags: string[];
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag) => b.includes(tag));

/** Only what changed goes to the server (the audit log names the corrected fields). */
function changesOf(person: PersonDetail, values: CorrectionForm): PersonCorrection {
  const changes: PersonCorrection = {};
  const text = (value: string | undefined) => value?.trim() ?? '';
  if (text(values.name) !== person.name) changes.name = text(values.name);
  if (values.clearPhone) changes.phone = null;
  else if (text(values.phone)) changes.phone = text(values.phone);
  if (text(values.ethnicity) !== person.ethnicity) changes.ethnicity = text(values.ethnicity);
  if (text(values.currentAddress) !== person.currentAddress)
    changes.currentAddress = text(values.currentAddress);
  if (text(values.registeredAddress) !== person.registeredAddress)
    changes.registeredAddress = text(values.registeredAddress);
  if ((values.note ?? '') !== person.note) changes.note = values.note ?? '';
  if (!sameTags(values.tags, person.tags)) changes.tags = values.tags;
  return changes;
}

/** Corrects the register entry on the person's request; the phone is typed anew, never shown. */
export function CorrectionModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, formError, run } = useModalForm<CorrectionForm>(
    ['name', 'phone', 'ethnicity', 'currentAddress', 'registeredAddress', 'note', 'tags'],
    onClose,
  );
  const tags = useQuery(tagsQuery);
  const tagName = useTagName();
  const correct = useCorrectPerson(person.id);
  const clearPhone = Form.useWatch('clearPhone', form);

  const submit = (values: CorrectionForm) => {
    const changes = changesOf(person, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('correct.noChanges'));
      onClose();
      return;
    }
    run(correct, changes, () => t('correct.saved'));
  };

  return (
    <FormModal<CorrectionForm>
      width={600}
      title={t('correct.title', { name: person.name })}
      form={form}
      formError={formError}
      pending={correct.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        name: person.name,
        ethnicity: person.ethnicity,
        currentAddress: person.currentAddress,
        registeredAddress: person.registeredAddress,
        note: person.note,
        tags: person.tags,
      }}
    >
      <Form.Item
        name="name"
        label={t('persons.name')}
        rules={[{ required: true, whitespace: true, message: t('correct.nameRequired') }]}
      >
        <Input maxLength={50} data-testid="correct-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('persons.phone')} style={{ marginBottom: 4 }}>
        <Input
          maxLength={20}
          disabled={clearPhone}
          placeholder={person.phone ? t('correct.phonePlaceholder', { phone: person.phone }) : undefined}
          data-testid="correct-phone"
        />
      </Form.Item>
      {person.phone && (
        <Form.Item name="clearPhone" valuePropName="checked">
          <Checkbox>{t('correct.clearPhone')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="ethnicity" label={t('person.ethnicity')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="currentAddress" label={t('person.currentAddress')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="registeredAddress" label={t('person.registeredAddress')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="tags" label={t('persons.tags')}>
        <Select
          mode="multiple"
          allowClear
          options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tagName(tag.name) }))}
          data-testid="correct-tags"
        />
      </Form.Item>
      <Form.Item name="note" label={t('person.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
