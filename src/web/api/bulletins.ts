import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attemptResultSchema,
  type courseBody,
  courseDetailSchema,
  courseListSchema,
  myBulletinsSchema,
  myCourseDetailSchema,
  myCourseItemSchema,
  myPostDetailSchema,
  type postBody,
  postDetailSchema,
  postListSchema,
  unreadListSchema,
} from '../../shared/api/bulletins';
import { api } from './client';

export type { CourseDetail, MyBulletins, MyCourseDetail, PostDetail } from '../../shared/api/bulletins';
export type PostInput = z.input<typeof postBody>;
export type CourseInput = z.input<typeof courseBody>;

/** Every bulletins query key starts with 'bulletins': a change refreshes the lists and the member's page. */
export const bulletinKeys = {
  all: ['bulletins'] as const,
  posts: ['bulletins', 'posts'] as const,
  post: (id: string) => ['bulletins', 'post', id] as const,
  unread: (id: string) => ['bulletins', 'unread', id] as const,
  courses: ['bulletins', 'courses'] as const,
  course: (id: string) => ['bulletins', 'course', id] as const,
  mine: ['bulletins', 'me'] as const,
  myCourse: (id: string) => ['bulletins', 'me', 'course', id] as const,
};

export const postsQuery = () =>
  queryOptions({
    queryKey: bulletinKeys.posts,
    queryFn: () => api('GET', '/api/bulletin-posts', postListSchema),
  });
export const unreadQuery = (id: string) =>
  queryOptions({
    queryKey: bulletinKeys.unread(id),
    queryFn: () => api('GET', `/api/bulletin-posts/${id}/unread`, unreadListSchema),
  });
export const coursesQuery = () =>
  queryOptions({
    queryKey: bulletinKeys.courses,
    queryFn: () => api('GET', '/api/study-courses', courseListSchema),
  });
export const courseQuery = (id: string) =>
  queryOptions({
    queryKey: bulletinKeys.course(id),
    queryFn: () => api('GET', `/api/study-courses/${id}`, courseDetailSchema),
  });

export const createPost = (body: PostInput) => api('POST', '/api/bulletin-posts', postDetailSchema, { body });
export const postStep = (id: string, step: 'publish' | 'withdraw') =>
  api('POST', `/api/bulletin-posts/${id}/${step}`, postDetailSchema);
export const createCourse = (body: CourseInput) =>
  api('POST', '/api/study-courses', courseDetailSchema, { body });
export const courseStep = (id: string, step: 'publish' | 'withdraw') =>
  api('POST', `/api/study-courses/${id}/${step}`, courseDetailSchema);

/* A member's own reading. */
export const myBulletinsQuery = () =>
  queryOptions({
    queryKey: bulletinKeys.mine,
    queryFn: () => api('GET', '/api/bulletins/me', myBulletinsSchema),
  });
export const myCourseQuery = (id: string) =>
  queryOptions({
    queryKey: bulletinKeys.myCourse(id),
    queryFn: () => api('GET', `/api/bulletins/me/courses/${id}`, myCourseDetailSchema),
  });
export const openPost = (id: string) => api('POST', `/api/bulletins/me/posts/${id}/open`, myPostDetailSchema);
export const courseItemStep = (course: string, post: string, step: 'open' | 'done') =>
  api('POST', `/api/bulletins/me/courses/${course}/items/${post}/${step}`, myCourseItemSchema);
export const submitAttempt = (course: string, answers: number[][]) =>
  api('POST', `/api/bulletins/me/courses/${course}/attempts`, attemptResultSchema, { body: { answers } });
