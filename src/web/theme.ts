import type { ThemeConfig } from 'antd';

/** A sober service-console look: government blue for actions, a dark header, compact tables. */
export const brand = {
  headerBg: '#0f2747',
  mark: '#c0392b',
};

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fb8',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: brand.headerBg, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { headerBg: '#f5f7fa' },
    Menu: { itemHeight: 40 },
  },
};
