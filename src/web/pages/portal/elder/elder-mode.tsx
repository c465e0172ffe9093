import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { portalMeQuery, saveElderMode } from '../../../api/portal';
import { elderTheme } from './elder-theme';
import './elder.css';

const STORAGE_KEY = 'lianxin.portal.elderMode';

/** The choice made on this phone: true, false, or null when never made here. */
function storedChoice(): boolean | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

function storeChoice(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Private browsing without storage: the choice lasts for this visit (and on the account).
  }
}

interface ElderMode {
  on: boolean;
  set: (on: boolean) => void;
}

const ElderModeContext = createContext<ElderMode>({ on: false, set: () => undefined });

export const useElderMode = (): ElderMode => use(ElderModeContext);

/**
 * Elder mode (长辈模式) of the portal, remembered on the phone (localStorage) and, once signed in,
 * on the resident's account, so it follows them to another phone. Signed in, the account's choice
 * wins; a choice made on this phone before the account had one is saved to the account.
 */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [on, setOn] = useState(() => storedChoice() ?? false);
  const me = useQuery(portalMeQuery);
  const queryClient = useQueryClient();
  const { mutate: save } = useMutation({
    mutationFn: saveElderMode,
    onSuccess: (resident) => queryClient.setQueryData(portalMeQuery.queryKey, resident),
    // Not saved on the account (the session ended, the network dropped): the phone remembers it.
    onError: () => undefined,
  });

  const accountChoice = me.data ? me.data.elderMode : undefined;
  useEffect(() => {
    if (accountChoice === undefined) return;
    if (accountChoice !== null) {
      setOn(accountChoice);
      storeChoice(accountChoice);
      return;
    }
    const local = storedChoice();
    if (local !== null) save(local);
  }, [accountChoice, save]);

  const signedIn = me.data != null;
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      storeChoice(next);
      if (signedIn) save(next);
    },
    [signedIn, save],
  );
  const value = useMemo(() => ({ on, set }), [on, set]);

  return (
    <ElderModeContext value={value}>
      {on ? <ConfigProvider theme={elderTheme}>{children}</ConfigProvider> : children}
    </ElderModeContext>
  );
}

/** A text size for the portal's pages: as designed, but never under 20 px in elder mode (no small print). */
export function useTextSize(): (px: number) => number {
  const { on } = useElderMode();
  return (px) => (on ? Math.max(px, 20) : px);
}
