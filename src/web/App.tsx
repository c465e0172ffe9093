import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AntdProvider } from './AntdProvider';
import { AppRoutes } from './AppRoutes';
import { I18nProvider } from './i18n/I18nProvider';
import { queryClient } from './queryClient';
import { SessionProvider } from './session/SessionProvider';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
