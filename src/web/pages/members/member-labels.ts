import type { MemberCategory, MemberStatus } from '../../api/organization-types';

export const MEMBER_CATEGORIES: readonly MemberCategory[] = ['formal', 'probationary'];
export const MEMBER_STATUSES: readonly MemberStatus[] = ['in_service', 'retired', 'mobile', 'lost_contact'];
