import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createCommitment, rateCommitment, reportProgress, workflowKeys } from '../../api/member-workflows';
import type { Satisfaction } from '../../api/organization-types';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workflowKeys.all });
}

export function useCreateCommitment(memberId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ year, content }: { year: number; content: string }) =>
      createCommitment(memberId, year, content),
    onSuccess: refresh,
  });
}

export function useReportProgress(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ progress, note }: { progress: number; note: string }) =>
      reportProgress(id, progress, note),
    onSuccess: refresh,
  });
}

export function useRateCommitment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, rating }: { id: string; rating: Satisfaction }) => rateCommitment(id, rating),
    onSuccess: refresh,
  });
}
