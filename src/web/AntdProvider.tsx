import { App as AntdApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useI18n } from './i18n/I18nProvider';
import { languagePack } from './i18n/language-packs';
import { appTheme } from './theme';

/** antd in the current language (its own texts and dayjs), with the console theme. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={languagePack(language).antdLocale} theme={appTheme}>
      <AntdApp style={{ height: '100%' }}>{children}</AntdApp>
    </ConfigProvider>
  );
}
