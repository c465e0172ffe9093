import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import type { Activity, Volunteer } from '../../../shared/api/volunteering';
import { enterHours, volunteeringKeys } from '../../api/volunteering';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { formatTime } from '../../lib/time';
import { shiftMinutes } from './HoursCorrectionModal';

interface Values {
  shiftId: string;
  entries: { volunteerId?: string; minutes?: number }[];
}

/**
 * Every entry names the same shift (the form's one field): the server's `entries.N.shiftId` is the
 * form's `shiftId`; `entries.N.volunteerId|minutes` land on that row by themselves (formNameOf).
 */
const shiftPaths = (rows: number) =>
  Object.fromEntries(Array.from({ length: rows }, (_, i) => [`entries.${i}.shiftId`, 'shiftId']));

/**
 * 补录时长: hours of volunteers who served without checking in, entered from a paper sign-in sheet,
 * several at once for one shift; each row is confirmed and credited like checked hours.
 */
export function BulkHoursModal({
  activity,
  volunteers,
  onClose,
}: {
  activity: Activity;
  volunteers: Volunteer[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['shiftId', 'entries'], onClose);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      enterHours(
        activity.id,
        v.entries.map((e) => ({
          shiftId: v.shiftId,
          volunteerId: e.volunteerId ?? '',
          minutes: e.minutes ?? 0,
        })),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
  });
  const first = activity.shifts[0];
  const lengthOf = (shiftId: string | undefined) => {
    const shift = activity.shifts.find((s) => s.id === shiftId);
    return shift ? Math.min(shiftMinutes(shift), 1440) : undefined;
  };
  return (
    <FormModal<Values>
      title={t('vol.bulk.title')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) =>
        run(
          mutation,
          v,
          (done) => t('vol.hoursEntered', { count: done.items.length }),
          (error) => renameFieldPaths(error, shiftPaths(v.entries.length)),
        )
      }
      onClose={onClose}
      initialValues={{ shiftId: first?.id, entries: [{ minutes: lengthOf(first?.id) }] }}
      okText={t('vol.bulk.save')}
      okButtonProps={{ 'data-testid': 'bulk-save' }}
    >
      <Typography.Paragraph type="secondary">{t('vol.bulk.hint')}</Typography.Paragraph>
      <Form.Item name="shiftId" label={t('vol.bulk.shift')} rules={[{ required: true }]}>
        <Select
          data-testid="bulk-shift"
          options={activity.shifts.map((s) => ({
            value: s.id,
            label: `${s.role} ${formatTime(s.startsAt)}`,
          }))}
        />
      </Form.Item>
      <Form.List name="entries">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start" data-testid="bulk-row">
                <Form.Item
                  name={[row.name, 'volunteerId']}
                  label={row.name === 0 ? t('vol.bulk.volunteer') : undefined}
                  rules={[{ required: true, message: t('vol.pickVolunteer') }]}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('vol.pickVolunteer')}
                    data-testid="bulk-volunteer"
                    options={volunteers.map((v) => ({ value: v.id, label: v.name }))}
                  />
                </Form.Item>
                {/* No min/max: the server's rule (1–1,440 minutes) answers on this row's field. */}
                <Form.Item
                  name={[row.name, 'minutes']}
                  label={row.name === 0 ? t('vol.bulk.minutes') : undefined}
                  rules={[{ required: true, message: t('vol.correct.minutes') }]}
                  style={{ width: 110 }}
                >
                  <InputNumber precision={0} style={{ width: '100%' }} data-testid="bulk-minutes" />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('vol.bulk.remove')}
                  disabled={rows.length === 1}
                  onClick={() => remove(row.name)}
                  style={row.name === 0 ? { marginTop: 30 } : undefined}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              block
              data-testid="bulk-add"
              disabled={rows.length >= 500}
              onClick={() => add({ minutes: lengthOf(form.getFieldValue('shiftId')) })}
            >
              {t('vol.bulk.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
