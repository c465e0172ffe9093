import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../organization-rules.js';
import {
  cursorParam,
  idSchema,
  itemsOf,
  limitSchema,
  optionalText,
  pageOf,
  regionCodeSchema,
} from './common.js';

/** Request and response shapes of organizations, members, enterprises, care and coverage. */

export const MEMBER_CATEGORIES = ['formal', 'probationary'] as const;
export const MEMBER_STATUSES = ['in_service', 'retired', 'mobile', 'lost_contact'] as const;
export const memberCategorySchema = z.enum(MEMBER_CATEGORIES);
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberCategory = z.infer<typeof memberCategorySchema>;
export type MemberStatus = z.infer<typeof memberStatusSchema>;

// ---- organizations ----

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
export type Organization = z.infer<typeof organizationSchema>;
export const organizationListSchema = itemsOf(organizationSchema);

/** Another record named on a page: its name, and whether the reader may open it. */
export const namedLinkSchema = z.object({ id: z.string(), name: z.string(), visible: z.boolean() });
export type NamedLink = z.infer<typeof namedLinkSchema>;

export const organizationHistoryEntrySchema = z.object({
  change: z.string(),
  at: z.string(),
  /** JSON objects as text: the recorded values before and after the change. */
  before: z.string(),
  after: z.string(),
});
export type OrganizationHistoryEntry = z.infer<typeof organizationHistoryEntrySchema>;

export const organizationDetailSchema = organizationSchema.extend({
  parent: namedLinkSchema.nullable(),
  leader: namedLinkSchema.nullable(),
  children: z.array(organizationSchema),
  memberCount: z.number().int(),
  history: z.array(organizationHistoryEntrySchema),
});
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

export const organizationQuery = z.object({
  region: z.preprocess((v) => (v === '' ? undefined : v), regionCodeSchema.optional()),
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORGANIZATION_KINDS).optional()),
  parentId: optionalText(36),
  limit: limitSchema,
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
export type CreateOrganizationBody = z.input<typeof createOrganizationBody>;

export const moveOrganizationBody = z.object(placement);
export type MoveOrganizationBody = z.input<typeof moveOrganizationBody>;

/** A leader or a caring member named by their member id. */
export const memberIdBody = z.object({ memberId: idSchema });

// ---- members ----

/** A member as an organization's member list shows them: the ID number comes masked. */
export const organizationMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string(),
  category: memberCategorySchema,
  status: memberStatusSchema,
  joinedOn: z.string(),
  post: z.string(),
  livesInDistrict: z.boolean(),
  homeRegionCode: z.string(),
  isLeader: z.boolean(),
});
export type OrganizationMember = z.infer<typeof organizationMemberSchema>;
export const organizationMemberListSchema = itemsOf(organizationMemberSchema);

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
    category: memberCategorySchema,
    status: memberStatusSchema,
    joinedOn: z.iso.date(),
    post: z.string().trim().max(50).optional(),
  })
  .refine((body) => Boolean(body.personId) !== Boolean(body.person), {
    message: 'field.required',
    path: ['personId'],
  });
export type CreateMemberBody = z.input<typeof createMemberBody>;

export const caredHouseholdSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  unit: z.string(),
  floor: z.number().nullable(),
  room: z.string(),
  address: z.string(),
});
export type CaredHousehold = z.infer<typeof caredHouseholdSchema>;

export const memberPageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    category: memberCategorySchema,
    status: memberStatusSchema,
    joinedOn: z.string(),
    post: z.string(),
    regionCode: z.string(),
    history: z.array(
      z.object({ organization: z.string(), from: z.string(), to: z.string().nullable(), reason: z.string() }),
    ),
    caredHouseholds: z.array(caredHouseholdSchema),
  })
  .meta({ id: 'MemberPage' });
export type MemberPage = z.infer<typeof memberPageSchema>;

export const memberSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A member as pickers list them (GET /api/members?q=). */
export const memberOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationName: z.string(),
  status: memberStatusSchema,
});
export type MemberOption = z.infer<typeof memberOptionSchema>;
export const memberOptionListSchema = itemsOf(memberOptionSchema);

export const linkAccountBody = z.object({ username: z.string().trim().min(1).max(32) });

// ---- enterprises ----

export const enterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  address: z.string(),
  regionCode: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
export const enterpriseListSchema = itemsOf(enterpriseSchema);
export const limitQuery = z.object({ limit: limitSchema });

/** An enterprise as a new one or a coverage gap names it (no address). */
export const enterpriseSummarySchema = enterpriseSchema.omit({ address: true });
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

export const createEnterpriseBody = z.object({
  name: z.string().trim().min(1).max(100),
  creditCode: z.string().trim().min(1).max(30),
  address: z.string().trim().max(200).optional(),
  regionCode: regionCodeSchema,
});
export type CreateEnterpriseBody = z.input<typeof createEnterpriseBody>;

// ---- warm groups and care ----

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
export type WarmGroupHouseholdsBody = z.input<typeof warmGroupHouseholdsBody>;
export const addedSchema = z.object({ added: z.number().int() });
export const warmGroupHouseholdParams = z.object({ id: idSchema, householdId: idSchema });

export const uncoveredHouseholdSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  placeName: z.string(),
  unit: z.string(),
  floor: z.number().nullable(),
  room: z.string(),
  address: z.string(),
});
export type UncoveredHousehold = z.infer<typeof uncoveredHouseholdSchema>;
export const uncoveredPageSchema = pageOf(uncoveredHouseholdSchema);
export const uncoveredQuery = z.object({ cursor: cursorParam, limit: limitSchema });

/** How a warm group's household came to its caring member: with the group's leader, or by hand. */
export const caringSourceSchema = z.enum(['warm_group', 'assigned']);
export type CaringSource = z.infer<typeof caringSourceSchema>;

/** A household a warm group looks after, and who cares for it. */
export const warmGroupHouseholdSchema = uncoveredHouseholdSchema.extend({
  caringMember: z.string().nullable(),
  caringSource: caringSourceSchema.nullable(),
});
export type WarmGroupHousehold = z.infer<typeof warmGroupHouseholdSchema>;
export const warmGroupHouseholdListSchema = itemsOf(warmGroupHouseholdSchema);

// ---- coverage ----

export const coveragePercentFields = {
  households: z.number().int(),
  caredHouseholds: z.number().int(),
  /** 0..100, one decimal. */
  carePercent: z.number(),
  warmGroupHouseholds: z.number().int(),
  warmGroupPercent: z.number(),
};
export type CoverageFigures = z.infer<z.ZodObject<typeof coveragePercentFields>>;

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
export type Coverage = z.infer<typeof coverageSchema>;

export const buildingWithoutBranchSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
});
export type BuildingWithoutBranch = z.infer<typeof buildingWithoutBranchSchema>;
export const buildingsWithoutBranchSchema = itemsOf(buildingWithoutBranchSchema);
export const enterprisesWithoutOrganizationSchema = itemsOf(enterpriseSummarySchema);
