import type { MatrixRows } from './types.js';

const postBody = (region: string) => ({
  kind: 'notice',
  title: '矩阵通知',
  body: '矩阵通知正文',
  regionCode: region,
  targets: [{ kind: 'region', regionCode: region }],
});

/** 手机党校: posts, read receipts, study courses (src/server/modules/bulletins; fixtures: bulletins/testing.ts). */
export const BULLETINS_ROUTES: MatrixRows = {
  'GET /api/bulletin-posts': { access: 'bulletin.read', target: 'none' },
  'POST /api/bulletin-posts': {
    access: 'bulletin.write',
    target: 'none',
    body: (ids) => postBody(ids.region),
    scopedBy: 'body',
  },
  'GET /api/bulletin-posts/:id': { access: 'bulletin.read', target: 'bulletin_post' },
  'PUT /api/bulletin-posts/:id': {
    access: 'bulletin.write',
    target: 'bulletin_post',
    body: (ids) => postBody(ids.region),
  },
  'POST /api/bulletin-posts/:id/publish': { access: 'bulletin.write', target: 'bulletin_post' },
  'POST /api/bulletin-posts/:id/withdraw': { access: 'bulletin.write', target: 'bulletin_post' },
  'GET /api/bulletin-posts/:id/unread': { access: 'bulletin.read', target: 'bulletin_post' },
  'GET /api/study-courses': { access: 'bulletin.read', target: 'none' },
  // The sample member's id is no study post: a field error inside, the region's refusal outside.
  'POST /api/study-courses': {
    access: 'bulletin.write',
    target: 'none',
    body: (ids) => ({
      title: '矩阵课程',
      regionCode: ids.region,
      targets: [{ kind: 'region', regionCode: ids.region }],
      items: [{ postId: ids.member, minSeconds: 10 }],
      questions: [{ kind: 'single', text: '矩阵题目', options: ['对', '错'], correct: [0] }],
      passMark: 60,
    }),
    scopedBy: 'body',
  },
  'GET /api/study-courses/:id': { access: 'bulletin.read', target: 'study_course' },
  'POST /api/study-courses/:id/publish': { access: 'bulletin.write', target: 'study_course' },
  'POST /api/study-courses/:id/withdraw': { access: 'bulletin.write', target: 'study_course' },
  // A member's own reading: the service finds the member linked to the account; what does not
  // reach them is 404 (bulletins.test.ts and study.test.ts check the targeting).
  'GET /api/bulletins/me': { access: 'authenticated', target: 'none' },
  'POST /api/bulletins/me/posts/:id/open': { access: 'authenticated', target: 'none' },
  'GET /api/bulletins/me/courses/:id': { access: 'authenticated', target: 'none' },
  'POST /api/bulletins/me/courses/:id/items/:postId/open': { access: 'authenticated', target: 'none' },
  'POST /api/bulletins/me/courses/:id/items/:postId/done': { access: 'authenticated', target: 'none' },
  'POST /api/bulletins/me/courses/:id/attempts': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ answers: [[0]] }),
  },
};
