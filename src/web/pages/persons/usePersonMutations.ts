import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../api/households';
import {
  anonymizePerson,
  correctPerson,
  type PersonCorrection,
  personKeys,
  saveHealthRecord,
} from '../../api/persons';
import type { HealthRecord } from '../../api/types';

/** A person changed: their page, the lists and the households (heads, tags, health markers) refresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: personKeys.all }),
      queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    ]);
  };
}

export function useCorrectPerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (changes: PersonCorrection) => correctPerson(id, changes),
    onSuccess: refresh,
  });
}

export function useSaveHealth(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (record: HealthRecord) => saveHealthRecord(id, record),
    onSuccess: refresh,
  });
}

export function useAnonymize(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (reason: string) => anonymizePerson(id, reason), onSuccess: refresh });
}
