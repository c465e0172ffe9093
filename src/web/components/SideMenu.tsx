import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  PieChartOutlined,
  ReadOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { levelOf } from '../../shared/region-code';
import { useI18n } from '../i18n/I18nProvider';
import { workOrderMenuItems, workOrderMenuKey, workOrderOpenKeys } from '../pages/work-orders/menu';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';
import { supervisionMenuItems } from './supervision-menu';

type Item = NonNullable<MenuProps['items']>[number];

/** The menu item a page belongs to: a person, a household and the imports are part of 居民. */
function selectedKey(pathname: string): string {
  if (/^\/(persons|households|imports)(\/|$)/.test(pathname)) return '/persons';
  if (/^\/(organizations|enterprises|members)(\/|$)/.test(pathname)) return '/organizations';
  if (pathname.startsWith('/coverage')) return '/coverage';
  if (/^\/visits(\/|$)/.test(pathname)) return '/visits';
  if (pathname.startsWith('/visit-campaigns')) return '/visit-campaigns';
  if (pathname.startsWith('/visit-changes')) return '/visit-changes';
  if (pathname.startsWith('/cockpit')) return '/cockpit';
  if (pathname.startsWith('/party')) return '/party';
  if (pathname.startsWith('/volunteering')) return '/volunteering';
  if (pathname.startsWith('/jobs')) return '/jobs';
  if (pathname.startsWith('/training')) return '/training';
  if (/^\/loans(\/|$)/.test(pathname)) return '/loans';
  if (/^\/funds(\/|$)/.test(pathname)) return '/funds';
  if (pathname.startsWith('/dues')) return '/dues';
  if (/^\/pairings(\/|$)/.test(pathname)) return '/pairings';
  if (/^\/collectives(\/|$)/.test(pathname)) return '/collectives';
  if (/^\/relocation(\/|$)/.test(pathname)) return '/relocation';
  if (/^\/surveys(\/|$)/.test(pathname)) return '/surveys';
  if (pathname.startsWith('/reviews/scoring')) return '/reviews/scoring';
  if (/^\/reviews(\/|$)/.test(pathname)) return '/reviews';
  if (pathname.startsWith('/timebank/clerk')) return '/timebank/clerk';
  if (pathname.startsWith('/timebank')) return '/timebank';
  if (pathname.startsWith('/users')) return '/users';
  if (pathname === '/me') return '/me';
  if (pathname === '/me/timebank') return '/me/timebank';
  if (pathname.startsWith('/me/study')) return '/me/study';
  if (pathname.startsWith('/bulletins')) return '/bulletins';
  if (pathname === '/home') return '/home';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/article')) return '/article';
  if (pathname.startsWith('/open311-keys')) return '/open311-keys';
  if (/^\/regions(\/|$)/.test(pathname)) return '/regions';
  if (/^\/points(\/|$)/.test(pathname)) return '/points';
  if (pathname === '/me/points') return '/me/points';
  for (const page of ['/projects', '/cobuilding-units', '/task-forces'])
    if (pathname === page || pathname.startsWith(`${page}/`)) return page;
  // Anything else (a page that does not exist) is no item's.
  return workOrderMenuKey(pathname) ?? '';
}

/**
 * The cockpit for holders of cockpit.read; regions for holders of region.read; Residents, Organizations and
 * Coverage, Party members, Users and Audit log only for holders of person.read / org.read /
 * org.write / user.read / audit.read; the article's figures for those who read a whole district.
 */
/** The submenu that holds the district's programs. */
const PROGRAMS_KEY = 'programs';

export function SideMenu() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: Item[] = [];
  // A member's own page (我的) comes first: for a member it is where their work is.
  if (me.isMember) {
    items.push({
      key: '/me',
      icon: <IdcardOutlined />,
      label: <span data-testid="menu-my-page">{t('userMenu.me')}</span>,
    });
    // Their own 爱心银行: balance, rows, statements and certificates.
    items.push({
      key: '/me/timebank',
      icon: <WalletOutlined />,
      label: <span data-testid="menu-my-timebank">{t('nav.myTimebank')}</span>,
    });
    // 手机党校: what to read, their courses and scores.
    items.push({
      key: '/me/study',
      icon: <ReadOutlined />,
      label: <span data-testid="menu-my-study">{t('nav.myStudy')}</span>,
    });
  }
  // The phone home: what waits for a handler, a resident search, their grid's buildings.
  if (hasPermission(me, 'workorder.handle')) {
    items.push({
      key: '/home',
      icon: <HomeOutlined />,
      label: <span data-testid="menu-phone-home">{t('nav.phoneHome')}</span>,
    });
  }
  if (hasPermission(me, 'cockpit.read')) {
    items.push({
      key: '/cockpit',
      icon: <DashboardOutlined />,
      label: <span data-testid="menu-cockpit">{t('nav.cockpit')}</span>,
    });
  }
  // Every role but the love supermarket's clerk reads its region tree.
  if (hasPermission(me, 'region.read')) {
    items.push({
      key: '/regions',
      icon: <ApartmentOutlined />,
      label: <span data-testid="menu-regions">{t('nav.regions')}</span>,
    });
  }
  if (hasPermission(me, 'person.read')) {
    items.push({
      key: '/persons',
      icon: <ContactsOutlined />,
      label: <span data-testid="menu-persons">{t('nav.persons')}</span>,
    });
  }
  items.push(...workOrderMenuItems(me, t, 'orders'));
  // 大走访: a visitor's round (grid workers, and members who were given households), planning, the change queue.
  if (hasPermission(me, 'visit.record') || me.isMember) {
    items.push({
      key: '/visits',
      icon: <EnvironmentOutlined />,
      label: <span data-testid="menu-visits">{t('nav.visits')}</span>,
    });
  }
  // The district's programs (campaigns, volunteering, the time bank) share one submenu, so that the
  // menu of a role holding them all still fits a laptop's screen.
  const programs: Item[] = [];
  if (hasPermission(me, 'visit.read')) {
    programs.push({
      key: '/visit-campaigns',
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-visit-campaigns">{t('nav.visitCampaigns')}</span>,
    });
  }
  if (hasPermission(me, 'register.change_confirm')) {
    programs.push({
      key: '/visit-changes',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-visit-changes">{t('nav.visitChanges')}</span>,
    });
  }
  if (hasPermission(me, 'org.read')) {
    items.push(
      {
        key: '/organizations',
        icon: <ClusterOutlined />,
        label: <span data-testid="menu-organizations">{t('nav.organizations')}</span>,
      },
      {
        key: '/coverage',
        icon: <PieChartOutlined />,
        label: <span data-testid="menu-coverage">{t('nav.coverage')}</span>,
      },
    );
  }
  if (hasPermission(me, 'org.write')) {
    items.push({
      key: '/party',
      icon: <FlagOutlined />,
      label: <span data-testid="menu-party">{t('nav.party')}</span>,
    });
  }
  // 党建经费 and 党费: an organization's ledger, and members' dues.
  if (hasPermission(me, 'fund.read')) {
    items.push({
      key: '/funds',
      icon: <WalletOutlined />,
      label: <span data-testid="menu-funds">{t('nav.funds')}</span>,
    });
  }
  if (hasPermission(me, 'dues.read')) {
    items.push({
      key: '/dues',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-dues">{t('nav.dues')}</span>,
    });
  }
  items.push(...workOrderMenuItems(me, t, 'deeds'));
  // Volunteering: the teams' activities for staff, one's own hours and sign-ups for members.
  if (hasPermission(me, 'volunteer.read') || me.isMember) {
    programs.push({
      key: hasPermission(me, 'volunteer.read') ? '/volunteering' : '/me/volunteering',
      icon: <HeartOutlined />,
      label: <span data-testid="menu-volunteering">{t('nav.volunteering')}</span>,
    });
  }
  // 爱心银行: the accounts for staff who read them, the supermarket check-off for its clerks.
  if (hasPermission(me, 'timebank.read')) {
    programs.push({
      key: '/timebank',
      icon: <WalletOutlined />,
      label: <span data-testid="menu-timebank">{t('nav.timebank')}</span>,
    });
  }
  if (hasPermission(me, 'timebank.redeem')) {
    programs.push({
      key: '/timebank/clerk',
      icon: <ShopOutlined />,
      label: <span data-testid="menu-timebank-clerk">{t('nav.timebankClerk')}</span>,
    });
  }
  // 就业服务: case workers' jobs and seekers; an enterprise contact's own jobs and recommendations.
  if (hasPermission(me, 'job.read')) {
    programs.push({
      key: '/jobs',
      icon: <SolutionOutlined />,
      label: <span data-testid="menu-jobs">{t('nav.jobs')}</span>,
    });
  } else if (hasPermission(me, 'job.post')) {
    programs.push({
      key: '/my-enterprise',
      icon: <SolutionOutlined />,
      label: <span data-testid="menu-my-enterprise">{t('nav.myEnterprise')}</span>,
    });
  }
  // 招聘会: job fairs and farmers' markets, at the end of the job service's entries.
  if (hasPermission(me, 'job.read')) {
    programs.push({
      key: '/job-fairs',
      icon: <SolutionOutlined />,
      label: <span data-testid="menu-job-fairs">{t('nav.jobFairs')}</span>,
    });
  }
  // 职业培训: courses, roll call, certificates and follow-ups, run by the job service's case workers.
  if (hasPermission(me, 'job.read')) {
    programs.push({
      key: '/training',
      icon: <ReadOutlined />,
      label: <span data-testid="menu-training">{t('nav.training')}</span>,
    });
  }
  // 创业担保贷款: the applications, their steps and schedules (the guarantee centre and bank land here).
  if (hasPermission(me, 'loan.read')) {
    programs.push({
      key: '/loans',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-loans">{t('nav.loans')}</span>,
    });
  }
  // 帮扶结对 and 村集体经济: pairings with their coverage; collectives and their dividend runs.
  if (hasPermission(me, 'pairing.read')) {
    programs.push({
      key: '/pairings',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-pairings">{t('nav.pairings')}</span>,
    });
  }
  if (hasPermission(me, 'collective.read')) {
    programs.push({
      key: '/collectives',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-collectives">{t('nav.collectives')}</span>,
    });
  }
  // 易地搬迁: relocation cases, their steps and the resettlement communities.
  if (hasPermission(me, 'relocation.read')) {
    programs.push({
      key: '/relocation',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-relocation">{t('nav.relocation')}</span>,
    });
  }
  programs.push(...supervisionMenuItems(me, t));
  // 大项目, 驻区共建单位 (venues and bookings) and 临时党组织.
  if (hasPermission(me, 'cobuilding.read')) {
    programs.push(
      {
        key: '/projects',
        icon: <AccountBookOutlined />,
        label: <span data-testid="menu-projects">{t('nav.projects')}</span>,
      },
      {
        key: '/cobuilding-units',
        icon: <AccountBookOutlined />,
        label: <span data-testid="menu-cobuilding-units">{t('nav.cobuildingUnits')}</span>,
      },
      {
        key: '/task-forces',
        icon: <AccountBookOutlined />,
        label: <span data-testid="menu-task-forces">{t('nav.taskForces')}</span>,
      },
    );
  }
  if (programs.length > 1) {
    items.push({
      key: PROGRAMS_KEY,
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-programs">{t('nav.programs')}</span>,
      children: programs,
    });
  } else items.push(...programs);
  if (hasPermission(me, 'user.read')) {
    items.push({
      key: '/users',
      icon: <TeamOutlined />,
      label: <span data-testid="menu-users">{t('nav.users')}</span>,
    });
  }
  if (hasPermission(me, 'audit.read')) {
    items.push({
      key: '/audit',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-audit">{t('nav.audit')}</span>,
    });
  }
  // The article's figures are a whole district's: shown to those who read a whole district.
  if ((me.permissions['region.read'] ?? []).some((code) => levelOf(code) === 'district')) {
    items.push({
      key: '/article',
      icon: <FileTextOutlined />,
      label: <span data-testid="menu-article">{t('nav.article')}</span>,
    });
  }
  if (hasPermission(me, 'catalogue.manage')) {
    items.push({
      key: '/open311-keys',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-open311-keys">{t('nav.open311')}</span>,
    });
  }
  items.push(...workOrderMenuItems(me, t, 'admin'));
  const selected = selectedKey(pathname);

  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={[
        ...workOrderOpenKeys(selected),
        ...(programs.some((item) => item?.key === selected) ? [PROGRAMS_KEY] : []),
      ]}
      items={items}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
