import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Typography } from 'antd';
import type { Shift, Signup } from '../../../shared/api/volunteering';
import { confirmHours, volunteeringKeys } from '../../api/volunteering';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';

interface Values {
  minutes: number;
  remark: string;
}

/** The server names the one item this form sends `items.0.…`. */
const ITEM_PATHS = { 'items.0.minutes': 'minutes', 'items.0.remark': 'remark' };

/** The length of a shift in minutes: what a volunteer who served it all is credited. */
export const shiftMinutes = (shift: Pick<Shift, 'startsAt' | 'endsAt'>) =>
  Math.round((Date.parse(shift.endsAt) - Date.parse(shift.startsAt)) / 60_000);

/**
 * 更正时长: the leader confirms a sign-up's hours with other minutes than check-in and out give
 * (a forgotten check-out, a phone that checked out early), and says why; the reason is kept with
 * the confirmed hours. The minutes are checked by the server (1 to 1,440), its answer lands on
 * the field.
 */
export function HoursCorrectionModal({
  activityId,
  signup,
  shift,
  onClose,
}: {
  activityId: string;
  signup: Signup;
  shift: Shift | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['minutes', 'remark'], onClose);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      confirmHours(activityId, [{ signupId: signup.id, minutes: v.minutes, remark: v.remark.trim() }]),
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
  });
  const computed = signup.checkedOutAt ? signup.minutes : null;
  return (
    <FormModal<Values>
      title={t('vol.correct.title', { name: signup.volunteerName })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) =>
        run(
          mutation,
          v,
          () => t('vol.hoursCorrected', { minutes: v.minutes, name: signup.volunteerName }),
          (error) => renameFieldPaths(error, ITEM_PATHS),
        )
      }
      onClose={onClose}
      initialValues={{ minutes: computed ?? (shift ? shiftMinutes(shift) : undefined) }}
      okText={t('vol.correct.save')}
      okButtonProps={{ 'data-testid': 'hours-save' }}
    >
      <Typography.Paragraph type="secondary" data-testid="hours-computed">
        {computed !== null ? t('vol.correct.computed', { minutes: computed }) : t('vol.correct.notComputed')}
      </Typography.Paragraph>
      {/* No min/max here: the server's rule (1–1,440) answers, on this field. */}
      <Form.Item name="minutes" label={t('vol.correct.minutes')} rules={[{ required: true }]}>
        <InputNumber precision={0} style={{ width: '100%' }} data-testid="hours-minutes" />
      </Form.Item>
      <Form.Item
        name="remark"
        label={t('vol.correct.reason')}
        rules={[{ required: true, whitespace: true, message: t('vol.correct.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={200} showCount data-testid="hours-reason" />
      </Form.Item>
    </FormModal>
  );
}
