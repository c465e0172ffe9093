import { AccountBookOutlined, CarryOutOutlined, ReadOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Me } from '../api/types';
import type { Translate } from '../i18n/translate';
import { hasPermission } from '../session/permissions';

type Item = NonNullable<MenuProps['items']>[number];

/**
 * The programs menu's supervision entries (监督考评, issue 14): meetings, surveys, reviews, points,
 * 手机党校, work logs and contact points, each shown to whoever may read it.
 */
export function supervisionMenuItems(me: Me, t: Translate): Item[] {
  const items: Item[] = [];
  // 三会一课: meetings, their compliance per quarter and the tasks of missed meetings and decisions.
  if (hasPermission(me, 'meeting.read')) {
    items.push({
      key: '/meetings',
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-meetings">{t('nav.meetings')}</span>,
    });
  }
  // 群众满意度测评: questionnaires, samples with phone interviews, results and the districts' ranking.
  if (hasPermission(me, 'survey.read')) {
    items.push({
      key: '/surveys',
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-surveys">{t('nav.surveys')}</span>,
    });
  }
  // 述职评议 and 民主评议党员; the evaluator's own scoring.
  if (hasPermission(me, 'review.read')) {
    items.push({
      key: '/reviews',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-reviews">{t('nav.reviews')}</span>,
    });
  }
  if (hasPermission(me, 'review.score')) {
    items.push({
      key: '/reviews/scoring',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-review-scoring">{t('nav.reviewScoring')}</span>,
    });
  }
  // 党员积分: the organizations' rankings and rules for staff; one's own points for members.
  if (hasPermission(me, 'points.read')) {
    items.push({
      key: '/points',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-points">{t('nav.points')}</span>,
    });
  }
  if (me.isMember) {
    items.push({
      key: '/me/points',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-my-points">{t('nav.myPoints')}</span>,
    });
  }
  // 手机党校: posts and study courses, read statistics.
  if (hasPermission(me, 'bulletin.read')) {
    items.push({
      key: '/bulletins',
      icon: <ReadOutlined />,
      label: <span data-testid="menu-bulletins">{t('nav.bulletins')}</span>,
    });
  }
  // 工作日志 with its monthly count; 领导联系点 (a leader's own contact points, the assignments in scope).
  if (hasPermission(me, 'worklog.read')) {
    items.push({
      key: '/worklogs',
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-worklogs">{t('nav.worklogs')}</span>,
    });
    items.push({
      key: '/contact-points',
      icon: <CarryOutOutlined />,
      label: <span data-testid="menu-contact-points">{t('nav.contactPoints')}</span>,
    });
  }
  return items;
}
