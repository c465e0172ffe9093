import { v7 as uuidv7 } from 'uuid';
import type { PostBody } from '../../../shared/api/bulletins.js';
import { Scope } from '../../auth/scope.js';
import type { ServiceContext } from '../../services.js';
import { CoursesService } from './courses.service.js';
import { demoBulletinsRepository as demo } from './demo-bulletins.repository.js';
import { PostsService } from './posts.service.js';

const ACTOR = { id: null, name: '区委组织部', ip: null, requestId: null };

const POSTS: Omit<PostBody, 'regionCode' | 'targets'>[] = [
  {
    kind: 'notice',
    title: '关于开展主题党日活动的通知',
    body: '各党支部：本月主题党日活动请于月底前完成，并在系统中记录会议情况。',
  },
  {
    kind: 'news',
    title: '青年社区党员志愿服务队走访困难家庭',
    body: '上周末，社区党员志愿服务队走访了辖区内的困难家庭，送去慰问品并了解生活需求。',
  },
  {
    kind: 'study',
    title: '党章学习：党员的义务',
    body: '党员必须履行下列义务：认真学习马克思列宁主义、毛泽东思想……（学习资料正文）',
  },
  {
    kind: 'study',
    title: '党章学习：党员的权利',
    body: '党员享有下列权利：参加党的有关会议，阅读党的有关文件，接受党的教育和培训……（学习资料正文）',
  },
];

/**
 * The demo district's bulletins (issue 14): a notice, a news item and two study texts to the whole
 * district, one published course over the study texts with a three-question quiz, and for members
 * of the demo community receipts of the notice, finished reading and one attempt each (generated
 * history). The demo member's own account reads nothing yet, so their 学习 page has work to do.
 */
export async function buildDemoBulletins(
  ctx: ServiceContext,
  district: string,
  community: string,
): Promise<void> {
  if (district !== ctx.config.districtCode) return;
  const scope = new Scope([district], ctx.database.dialect);
  const posts = new PostsService(ctx);
  const targets = [{ kind: 'region' as const, regionCode: district }];
  const ids: string[] = [];
  for (const post of POSTS) {
    const id = await posts.create(scope, { ...post, regionCode: district, targets }, ACTOR);
    await posts.publish(scope, id, ACTOR);
    ids.push(id);
  }
  const courses = new CoursesService(ctx);
  const course = await courses.create(
    scope,
    {
      title: '党章学习（第一课）',
      description: '阅读两篇党章学习资料，每篇至少一分钟，然后完成小测验（60 分及格）。',
      regionCode: district,
      targets,
      items: [
        { postId: ids[2]!, minSeconds: 60 },
        { postId: ids[3]!, minSeconds: 60 },
      ],
      questions: [
        {
          kind: 'single',
          text: '党员必须认真学习的是？',
          options: ['马克思列宁主义等', '只学业务知识'],
          correct: [0],
        },
        {
          kind: 'multiple',
          text: '党员享有的权利包括（多选）',
          options: ['参加党的有关会议', '阅读党的有关文件', '不交党费'],
          correct: [0, 1],
        },
        { kind: 'single', text: '主题党日活动应当记录吗？', options: ['应当', '不必'], correct: [0] },
      ],
      passMark: 60,
      maxAttempts: 3,
    },
    ACTOR,
  );
  await courses.publish(scope, course, ACTOR);
  const members = await demo.membersIn(ctx.database.db, community, 40);
  const at = ctx.now().getTime();
  const iso = (minutesAgo: number) => new Date(at - minutesAgo * 60_000).toISOString();
  const rows = { receipts: [] as never[], progress: [] as never[], attempts: [] as never[] } as Parameters<
    typeof demo.insert
  >[1];
  members.forEach((m, i) => {
    if (i % 3 !== 2)
      rows.receipts.push({
        post_id: ids[0]!,
        member_id: m.id,
        district_code: m.district_code,
        region_code: m.region_code,
        read_at: iso(600 + i),
      });
    if (i % 2 === 1) return;
    for (const [n, postId] of [ids[2]!, ids[3]!].entries())
      rows.progress.push({
        course_id: course,
        post_id: postId,
        member_id: m.id,
        district_code: m.district_code,
        opened_at: iso(300 - n * 5),
        done_at: iso(295 - n * 5),
      });
    const score = [100, 67, 33][i % 3]!;
    rows.attempts.push({
      id: uuidv7(),
      course_id: course,
      member_id: m.id,
      district_code: m.district_code,
      region_code: m.region_code,
      attempt_no: 1,
      score,
      correct: Math.round((score * 3) / 100),
      questions: 3,
      passed: score >= 60 ? 1 : 0,
      submitted_at: iso(280),
    });
  });
  await ctx.database.db.transaction().execute((trx) => demo.insert(trx, rows));
}
