import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { householdKeys } from '../../api/households';
import { createChildRegion, deleteRegion, regionKeys, renameRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/**
 * After any change the whole region cache (pages, tree, pickers) refreshes, and so do the
 * neighbour maps, which list a region's buildings (住户分布 said 该网格还没有楼栋 beside a table
 * that already listed the new building).
 */
function useInvalidateRegions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: regionKeys.all }),
      queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    ]);
}

export function useCreateChild(parentCode: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: ({ kind, name }: { kind: 'grid' | 'building'; name: string }) =>
      createChildRegion(parentCode, kind, name),
    onSuccess: invalidate,
  });
}

export function useRenameRegion(code: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({ mutationFn: (name: string) => renameRegion(code, name), onSuccess: invalidate });
}

/** Deletes after the caller's confirmation; reports success or the server's reason as a message. */
export function useDeleteRegion(onDeleted?: (region: Region) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (region: Region) => deleteRegion(region.code),
    onSuccess: async (_, region) => {
      void message.success(t('region.deleted', { name: region.name }));
      onDeleted?.(region);
      queryClient.removeQueries({ queryKey: regionKeys.detail(region.code) });
      queryClient.removeQueries({ queryKey: regionKeys.children(region.code) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: regionKeys.all }),
        queryClient.invalidateQueries({ queryKey: householdKeys.all }),
      ]);
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
}
