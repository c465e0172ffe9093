import { zhAdmin } from './zh.admin';
import { zhArticle } from './zh.article';
import { zhBulletins } from './zh.bulletins';
import { zhCobuilding } from './zh.cobuilding';
import { zhCockpit } from './zh.cockpit';
import { zhConsoleKeys } from './zh.console-keys';
import { zhElder } from './zh.elder';
import { zhFunds } from './zh.funds';
import { zhJobs } from './zh.jobs';
import { zhLoans } from './zh.loans';
import { zhMeetings } from './zh.meetings';
import { zhMemberWorkflows } from './zh.member-workflows';
import { zhOpen311 } from './zh.open311';
import { zhOrganizations } from './zh.organizations';
import { zhPairings } from './zh.pairings';
import { zhPassword } from './zh.password';
import { zhPhone } from './zh.phone';
import { zhPoints } from './zh.points';
import { zhPortal } from './zh.portal';
import { zhPortalTimebank } from './zh.portal-timebank';
import { zhPortalVolunteering } from './zh.portal-volunteering';
import { zhRegister } from './zh.register';
import { zhRelocation } from './zh.relocation';
import { zhReviews } from './zh.reviews';
import { zhSurveys } from './zh.surveys';
import { zhTimebank } from './zh.timebank';
import { zhTraining } from './zh.training';
import { zhVisitMap } from './zh.visit-map';
import { zhVisits } from './zh.visits';
import { zhVolunteering } from './zh.volunteering';
import { zhWorkOrders } from './zh.work-orders';
import { zhWorklogs } from './zh.worklogs';

/** Every UI string of the web app, in Chinese (the default language). `{name}` marks a parameter. */
export const zh = {
  'app.name': '连心',
  'app.subtitle': '网格化基层服务平台',
  'nav.openMenu': '打开菜单',
  'nav.mainMenu': '主菜单',
  'app.footer': '连心 · 网格化基层服务平台',

  'common.ok': '确定',
  /** Between a label and its value: full width in Chinese, ": " in English. */
  'common.colon': '：',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.create': '创建',
  'common.delete': '删除',
  'common.rename': '重命名',
  'common.search': '查询',
  'common.reset': '重置',
  'common.retry': '重试',
  'common.loading': '加载中…',
  'common.loadMore': '加载更多',
  'common.noMore': '已全部加载',
  'common.shownCount': '已显示 {count} 条',
  'common.actions': '操作',
  'common.more': '更多',
  'common.backHome': '返回首页',
  'common.loadFailed': '加载失败',
  'common.requestId': '请求编号：{id}',
  'common.networkError': '无法连接服务器，请检查网络后重试',

  'language.label': '语言',
  'language.zh': '中文',
  'language.en': 'EN',

  'login.title': '登录',
  'login.welcome': '欢迎使用连心',
  'login.intro': '面向街道、社区和网格的基层服务与管理平台',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.help': '忘记密码请联系本单位管理员重置',

  'session.ended': '登录已失效，请重新登录',
  'session.loggedOut': '您已退出登录',

  'nav.regions': '区域',
  'nav.persons': '居民',
  'nav.users': '用户',
  'nav.audit': '审计日志',
  'nav.regionTree': '辖区',
  'nav.treeEmpty': '暂无可查看的区域',

  'userMenu.changePassword': '修改密码',
  'userMenu.logout': '退出登录',

  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.currentRequired': '请输入当前密码',
  'password.newRequired': '请输入新密码',
  'password.confirmRequired': '请再次输入新密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.hint':
    '至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类；不能是常见密码，也不能包含用户名',
  'password.tooShort': '密码至少需要 10 个字符',
  'password.tooLong': '密码不能超过 256 个字符',
  'password.tooFewClasses': '密码需包含小写字母、大写字母、数字、符号中的至少三类',
  'password.tooCommon': '密码过于常见，容易被猜中，请换一个',
  'password.containsUsername': '密码不能包含用户名',
  'password.changed': '密码已修改，其他设备上的登录已失效',

  'kind.district': '区',
  'kind.street': '街道',
  'kind.town': '镇',
  'kind.community': '社区',
  'kind.village': '村',
  'kind.grid': '网格',
  'kind.building': '楼栋',

  'source.division': '行政区划',
  'source.local': '本地新建',

  'common.listSeparator': '、',

  'notFound.title': '页面不存在',
  'notFound.hint': '您访问的页面不存在，请检查地址。',
  'error.title': '出错了',

  ...zhAdmin,
  ...zhRegister,
  ...zhOrganizations,
  ...zhMemberWorkflows,
  ...zhWorkOrders,
  ...zhPortal,
  ...zhPortalTimebank,
  ...zhVolunteering,
  ...zhJobs,
  ...zhLoans,
  ...zhFunds,
  ...zhElder,
  ...zhConsoleKeys,
  ...zhPairings,
  ...zhRelocation,
  ...zhMeetings,
  ...zhTraining,
  ...zhSurveys,
  ...zhOpen311,
  ...zhPassword,
  ...zhCockpit,
  ...zhArticle,
  ...zhVisits,
  ...zhVisitMap,
  ...zhPortalVolunteering,
  ...zhTimebank,
  ...zhPhone,
  ...zhReviews,
  ...zhPoints,
  ...zhBulletins,
  ...zhWorklogs,
  ...zhCobuilding,
} as const;

export type MessageKey = keyof typeof zh;
