import type { z } from 'zod';
import type { organizationSchema } from '../../../shared/api/organizations.js';
import type { Organization } from '../../db/tables.js';

/** An organization row → its shape in src/shared/api/organizations.ts. */
export const toOrganizationDto = (o: Organization): z.infer<typeof organizationSchema> => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  parentId: o.parent_id,
  regionCode: o.region_code,
  anchorRegionCode: o.anchor_region_code,
  anchorEnterpriseId: o.anchor_enterprise_id,
  leaderMemberId: o.leader_member_id,
  createdAt: o.created_at,
});
