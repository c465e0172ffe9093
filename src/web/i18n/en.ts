import { enAdmin } from './en.admin';
import { enArticle } from './en.article';
import { enBulletins } from './en.bulletins';
import { enCobuilding } from './en.cobuilding';
import { enCockpit } from './en.cockpit';
import { enConsoleKeys } from './en.console-keys';
import { enElder } from './en.elder';
import { enFunds } from './en.funds';
import { enJobs } from './en.jobs';
import { enLoans } from './en.loans';
import { enMeetings } from './en.meetings';
import { enMemberWorkflows } from './en.member-workflows';
import { enOpen311 } from './en.open311';
import { enOrganizations } from './en.organizations';
import { enPairings } from './en.pairings';
import { enPassword } from './en.password';
import { enPhone } from './en.phone';
import { enPoints } from './en.points';
import { enPortal } from './en.portal';
import { enPortalTimebank } from './en.portal-timebank';
import { enPortalVolunteering } from './en.portal-volunteering';
import { enRegister } from './en.register';
import { enRelocation } from './en.relocation';
import { enReviews } from './en.reviews';
import { enSurveys } from './en.surveys';
import { enTimebank } from './en.timebank';
import { enTraining } from './en.training';
import { enVisitMap } from './en.visit-map';
import { enVisits } from './en.visits';
import { enVolunteering } from './en.volunteering';
import { enWorkOrders } from './en.work-orders';
import { enWorklogs } from './en.worklogs';
import type { MessageKey } from './zh';

/** English UI strings; the type makes a missing or extra key a compile error. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Lianxin',
  'app.subtitle': 'Grid-based community services',
  'nav.openMenu': 'Open the menu',
  'nav.mainMenu': 'Main menu',
  'app.footer': 'Lianxin · grid-based community services',

  'common.ok': 'OK',
  'common.colon': ': ',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.create': 'Create',
  'common.delete': 'Delete',
  'common.rename': 'Rename',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.retry': 'Retry',
  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.noMore': 'All loaded',
  'common.shownCount': '{count} shown',
  'common.actions': 'Actions',
  'common.more': 'More',
  'common.backHome': 'Back to home',
  'common.loadFailed': 'Failed to load',
  'common.requestId': 'Request id: {id}',
  'common.networkError': 'Cannot reach the server; check the network and try again',

  'language.label': 'Language',
  'language.zh': '中文',
  'language.en': 'EN',

  'login.title': 'Log in',
  'login.welcome': 'Welcome to Lianxin',
  'login.intro': 'Services and administration for streets, communities and grids',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Log in',
  'login.help': 'Forgot your password? Ask your administrator to reset it.',

  'session.ended': 'Your session has ended; please log in again',
  'session.loggedOut': 'You have logged out',

  'nav.regions': 'Regions',
  'nav.persons': 'Residents',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.regionTree': 'Jurisdiction',
  'nav.treeEmpty': 'No regions to show',

  'userMenu.changePassword': 'Change password',
  'userMenu.logout': 'Log out',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.currentRequired': 'Enter your current password',
  'password.newRequired': 'Enter a new password',
  'password.confirmRequired': 'Enter the new password again',
  'password.mismatch': 'The two new passwords differ',
  'password.hint':
    'At least 10 characters, using three of: lower case, upper case, digits, symbols; not a common password, not containing the username',
  'password.tooShort': 'The password must have at least 10 characters',
  'password.tooLong': 'The password must not exceed 256 characters',
  'password.tooFewClasses': 'The password must use three of: lower case, upper case, digits, symbols',
  'password.tooCommon': 'This password is too common and easily guessed; choose another',
  'password.containsUsername': 'The password must not contain the username',
  'password.changed': 'Password changed; sessions on other devices have ended',

  'kind.district': 'District',
  'kind.street': 'Street',
  'kind.town': 'Town',
  'kind.community': 'Community',
  'kind.village': 'Village',
  'kind.grid': 'Grid',
  'kind.building': 'Building',

  'source.division': 'Official division',
  'source.local': 'Created locally',

  'common.listSeparator': ', ',

  'notFound.title': 'Page not found',
  'notFound.hint': 'The page you asked for does not exist; check the address.',
  'error.title': 'Something went wrong',

  ...enAdmin,
  ...enRegister,
  ...enOrganizations,
  ...enMemberWorkflows,
  ...enWorkOrders,
  ...enPortal,
  ...enPortalTimebank,
  ...enVolunteering,
  ...enJobs,
  ...enLoans,
  ...enFunds,
  ...enElder,
  ...enConsoleKeys,
  ...enPairings,
  ...enRelocation,
  ...enMeetings,
  ...enTraining,
  ...enSurveys,
  ...enOpen311,
  ...enPassword,
  ...enCockpit,
  ...enArticle,
  ...enVisits,
  ...enVisitMap,
  ...enPortalVolunteering,
  ...enTimebank,
  ...enPhone,
  ...enReviews,
  ...enPoints,
  ...enBulletins,
  ...enWorklogs,
  ...enCobuilding,
};
