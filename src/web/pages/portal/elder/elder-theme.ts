import type { ThemeConfig } from 'antd';

/**
 * antd tokens of elder mode (长辈模式), layered over the app theme inside the portal: 20 px type,
 * 52 px controls (tap targets ≥ 48 px), near-black text and darker greys (contrast well above
 * 4.5:1 even for secondary text and placeholders), thicker borders.
 */
export const elderTheme: ThemeConfig = {
  token: {
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    controlHeight: 52,
    controlHeightSM: 48,
    controlHeightLG: 56,
    lineWidth: 2,
    borderRadius: 8,
    colorPrimary: '#0b4a9e',
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#333333',
    colorTextDescription: '#333333',
    colorTextPlaceholder: '#4d4d4d',
    colorBorder: '#595959',
  },
  components: {
    Radio: { buttonPaddingInline: 12 },
  },
};
