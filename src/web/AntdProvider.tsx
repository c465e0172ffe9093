import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useI18n } from './i18n/I18nProvider';
import { appTheme } from './theme';

/** antd in the current language (its own texts and dayjs), with the console theme. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={appTheme}>
      <AntdApp style={{ height: '100%' }}>{children}</AntdApp>
    </ConfigProvider>
  );
}
