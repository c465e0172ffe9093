import { z } from 'zod';
import type { Organization } from '../../db/tables.js';
import { idSchema, regionCodeSchema } from '../../http/common-schemas.js';
import { ORGANIZATION_KINDS } from './organization-rules.js';

export const organizationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    name: z.string(),
    parentId: z.string().nullable(),
    regionCode: z.string(),
    anchorRegionCode: z.string().nullable(),
    anchorEnterpriseId: z.string().nullable(),
    leaderMemberId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organization' });

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

const placement = {
  parentId: idSchema.nullable().optional(),
  anchorRegionCode: regionCodeSchema.optional(),
  anchorEnterpriseId: idSchema.optional(),
};

export const createOrganizationBody = z.object({
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string().trim().min(1).max(100),
  ...placement,
});

export const moveOrganizationBody = z.object(placement);

export const createMemberBody = z
  .object({
    organizationId: idSchema,
    personId: idSchema.optional(),
    person: z
      .object({
        name: z.string().trim().min(1).max(50),
        idNumber: z.string().trim().min(1).max(30),
        phone: z.string().trim().max(20).optional(),
      })
      .optional(),
    category: z.enum(['formal', 'probationary']),
    status: z.enum(['in_service', 'retired', 'mobile', 'lost_contact']),
    joinedOn: z.iso.date(),
    post: z.string().trim().max(50).optional(),
  })
  .refine((body) => Boolean(body.personId) !== Boolean(body.person), {
    message: 'field.required',
    path: ['personId'],
  });

export const createEnterpriseBody = z.object({
  name: z.string().trim().min(1).max(100),
  creditCode: z.string().trim().min(1).max(30),
  address: z.string().trim().max(200).optional(),
  regionCode: regionCodeSchema,
});

export const warmGroupHouseholdsBody = z
  .object({
    householdIds: z.array(idSchema).min(1).max(500).optional(),
    buildingCode: regionCodeSchema.optional(),
    unit: z.string().trim().max(10).optional(),
  })
  .refine((body) => Boolean(body.householdIds) !== Boolean(body.buildingCode), {
    message: 'field.required',
    path: ['householdIds'],
  });

export const coveragePercentFields = {
  households: z.number().int(),
  caredHouseholds: z.number().int(),
  carePercent: z.number(),
  warmGroupHouseholds: z.number().int(),
  warmGroupPercent: z.number(),
};

export const coverageSchema = z
  .object({
    regionCode: z.string(),
    name: z.string(),
    ...coveragePercentFields,
    buildings: z.number().int(),
    buildingsWithCorridorBranch: z.number().int(),
    corridorBranchPercent: z.number(),
    enterprises: z.number().int(),
    enterprisesWithOrganization: z.number().int(),
    enterprisePercent: z.number(),
    children: z.array(
      z.object({ code: z.string(), name: z.string(), kind: z.string(), ...coveragePercentFields }),
    ),
  })
  .meta({ id: 'Coverage' });

export const memberPageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    category: z.string(),
    status: z.string(),
    joinedOn: z.string(),
    post: z.string(),
    regionCode: z.string(),
    history: z.array(
      z.object({ organization: z.string(), from: z.string(), to: z.string().nullable(), reason: z.string() }),
    ),
    caredHouseholds: z.array(
      z.object({
        id: z.string(),
        regionCode: z.string(),
        unit: z.string(),
        floor: z.number().nullable(),
        room: z.string(),
        address: z.string(),
      }),
    ),
  })
  .meta({ id: 'MemberPage' });
