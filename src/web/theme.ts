import type { ThemeConfig } from 'antd';

/** A sober service-console look: government blue for actions, a dark header, compact tables. */
export const brand = {
  headerBg: '#0f2747',
  mark: '#c0392b',
};

/**
 * Text colours that read at WCAG 2.1 AA (4.5:1) on white and on the console's greys (#f0f2f5 page,
 * #f5f7fa table header) and light tag backgrounds (issue 17). antd's defaults (black at 45 % for
 * secondary text and labels, 25 % for placeholders) fall to 3.3:1 and 1.6:1. Changed here, once,
 * rather than page by page: every Typography secondary, Descriptions label, Statistic title,
 * placeholder and empty-state text follows.
 */
const readable = {
  /** Descriptions labels, Statistic titles, Typography type="secondary", captions: 5.7:1 on white. */
  tertiary: 'rgba(0, 0, 0, 0.6)',
  /** Placeholders: lighter than typed text yet 4.9:1 on white. */
  placeholder: 'rgba(0, 0, 0, 0.56)',
};

/**
 * Tag text colours at 4.5:1 on their own light backgrounds: antd draws a preset tag's text in the
 * palette's 7th shade (green-7 #389e0d is 3.3:1 on green-1) and a status tag's in the status colour
 * itself (#52c41a, 2.1:1); the 8th shades read. Only the tags take these: buttons, charts and
 * badges keep antd's colours.
 */
const tagText = {
  green7: '#237804',
  cyan7: '#006d75',
  gold7: '#874d00',
  orange7: '#ad4e00',
  lime7: '#3f6600',
  volcano7: '#ad2102',
  yellow7: '#7c5e00',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  colorInfo: '#0958d9',
};

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fb8',
    borderRadius: 4,
    fontSize: 14,
    colorTextTertiary: readable.tertiary,
    colorTextDescription: readable.tertiary,
    colorTextPlaceholder: readable.placeholder,
    // Links (and link buttons) follow the brand blue (6.2:1 on white); antd's own link colour
    // derives from its info blue #1677ff, 4.1:1.
    colorLink: '#1d5fb8',
    // Error text (form messages, danger links and buttons, Typography type="danger") in red-7,
    // 5.9:1 on white; antd's #ff4d4f is 3.9:1. Success and warning text likewise a shade darker.
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    // Hover keeps 4.5:1 too (a hovered default or text button, a hovered link): antd derives
    // #3f7dc4 (4.2:1) from the brand blue; this one is lighter than it yet 5.3:1.
    colorPrimaryHover: '#2a6bc2',
    colorLinkHover: '#2a6bc2',
    colorLinkActive: '#164a91',
  },
  components: {
    Layout: { headerBg: brand.headerBg, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { headerBg: '#f5f7fa' },
    Menu: { itemHeight: 40 },
    Tag: tagText,
    // A bar at 100 % turns "success": its figure then reads in green-8 (7.4:1), not #52c41a (2.1:1).
    Progress: { colorSuccess: '#237804' },
  },
};
