import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { portalVolunteeringKeys } from '../../api/portal-volunteering';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { useSessionEnded } from './session';

/**
 * A change to the resident's own volunteering: runs it, says what happened in words, and
 * refreshes the page's data; a 401 goes back to sign-in, any other refusal shows the server's
 * localized message.
 */
export function useVolunteeringChange<I, R>(run: (input: I) => Promise<R>, done: (result: R) => string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      void message.success(done(result));
      await queryClient.invalidateQueries({ queryKey: portalVolunteeringKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });
}
