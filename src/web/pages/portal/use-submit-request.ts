import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance, UploadFile } from 'antd';
import { isDayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { myRequestsQuery, type SubmitRequest, submitRequest, uploadPhoto } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { useSessionEnded } from './session';

export interface NewRequestForm {
  categoryCode: string;
  description: string;
  regionCode: string;
  address?: string;
  attributes?: Record<string, unknown>;
  publishDescription?: boolean;
}

export interface SubmittedState {
  submitted: string;
  photoFailure?: string;
}

/** Form values as the API takes them: dates as ISO text, empty extras left out. */
function attributesOf(values: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    result[code] = isDayjs(value) ? value.toISOString() : value;
  }
  return result;
}

/**
 * Sends a new request and its photos, then opens it; field errors go back on the form's fields,
 * anything else to `onFailure`. Shared by the standard form and elder mode's steps.
 */
export function useSubmitRequest(
  form: FormInstance<NewRequestForm>,
  photos: readonly UploadFile[],
  onFailure: (message: string | null) => void,
) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  return useMutation({
    mutationFn: async (values: NewRequestForm) => {
      const body: SubmitRequest = {
        categoryCode: values.categoryCode,
        description: values.description,
        regionCode: values.regionCode,
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        attributes: attributesOf(values.attributes),
        publishDescription: values.publishDescription === true,
      };
      const created = await submitRequest(body);
      let photoFailure: string | undefined;
      for (const photo of photos) {
        if (!photo.originFileObj) continue;
        try {
          await uploadPhoto(created.id, photo.originFileObj);
        } catch (error) {
          photoFailure ??= errorMessage(error, t);
        }
      }
      return { created, photoFailure };
    },
    onSuccess: ({ created, photoFailure }) => {
      void queryClient.invalidateQueries({ queryKey: myRequestsQuery.queryKey });
      const state: SubmittedState = { submitted: created.number, ...(photoFailure ? { photoFailure } : {}) };
      navigate(`/m/requests/${created.id}`, { replace: true, state });
    },
    onError: (error) => {
      if (ended(error)) return;
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
        onFailure(null);
        return;
      }
      onFailure(errorMessage(error, t));
    },
  });
}
