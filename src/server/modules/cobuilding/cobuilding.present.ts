import type {
  Booking,
  CobuildingUnit,
  CobuildingUnitDetail,
  Project,
  ProjectDetail,
  TaskForce,
  TaskForceDetail,
  UncoveredEnterprise,
  Venue,
} from '../../../shared/api/cobuilding.js';
import type { ProjectRow } from './projects.repository.js';
import type { ProjectsService } from './projects.service.js';
import type { TaskForceRow } from './task-forces.repository.js';
import type { TaskForcesService } from './task-forces.service.js';
import type { UnitRow } from './units.repository.js';
import type { UnitsService } from './units.service.js';
import type { BookingRow, VenueRow } from './venues.repository.js';

/** Row → DTO mappers of the co-building API (shapes in src/shared/api/cobuilding.ts). */

export const toProject = ({ row, regionName }: { row: ProjectRow; regionName: string }): Project => ({
  id: row.id,
  regionCode: row.region_code,
  regionName,
  name: row.name,
  site: row.site,
  startedOn: row.started_on,
  status: row.status,
  note: row.note,
  enterprises: Number(row.enterprises ?? 0),
  coveredEnterprises: Number(row.covered ?? 0),
  organizations: Number(row.organizations ?? 0),
  updatedAt: row.updated_at,
});

export const toProjectDetail = (view: Awaited<ReturnType<ProjectsService['detail']>>): ProjectDetail => ({
  ...toProject(view),
  enterpriseList: view.enterprises.map((e) => ({
    enterpriseId: e.enterprise_id,
    name: e.name,
    creditCode: e.credit_code,
    regionCode: e.region_code,
    coveringOrganizationId: e.covering_organization_id,
    coveringOrganizationName: e.organization_name,
    followUpOrderId: e.follow_up_order_id,
    followUpOrderNumber: e.follow_up_order_number,
  })),
  organizationList: view.organizations.map((o) => ({
    organizationId: o.organization_id,
    name: o.name,
    kind: o.kind,
    regionCode: o.region_code,
  })),
});

export const toUncovered = (
  e: Awaited<ReturnType<ProjectsService['coverage']>>['uncovered'][number],
): UncoveredEnterprise => ({
  projectId: e.project_id,
  projectName: e.project_name,
  projectRegionCode: e.project_region_code,
  enterpriseId: e.enterprise_id,
  name: e.name,
  creditCode: e.credit_code,
  regionCode: e.region_code,
  coveringOrganizationId: null,
  coveringOrganizationName: null,
  followUpOrderId: e.follow_up_order_id,
  followUpOrderNumber: e.follow_up_order_number,
});

export const toUnit = ({ row, regionName }: { row: UnitRow; regionName: string }): CobuildingUnit => ({
  id: row.id,
  regionCode: row.region_code,
  regionName,
  name: row.name,
  kind: row.kind,
  address: row.address,
  contact: row.contact,
  reportedMembers: row.reported_members,
  linkedMembers: Number(row.linked_members ?? 0),
  activities: Number(row.activities ?? 0),
  venues: Number(row.venues ?? 0),
});

export const toVenue = (v: VenueRow): Venue => ({
  id: v.id,
  unitId: v.unit_id,
  unitName: v.unit_name,
  regionCode: v.region_code,
  name: v.name,
  address: v.address,
  capacity: v.capacity,
  opensAt: v.opens_at,
  closesAt: v.closes_at,
});

export const toUnitDetail = (view: Awaited<ReturnType<UnitsService['detail']>>): CobuildingUnitDetail => ({
  ...toUnit(view),
  members: view.members.map((m) => ({
    memberId: m.member_id,
    name: m.name,
    organizationName: m.organization_name,
    regionCode: m.region_code,
  })),
  activityList: view.activities.map((a) => ({
    id: a.id,
    area: a.area,
    title: a.title,
    heldOn: a.held_on,
    participants: a.participants,
    volunteerActivityId: a.volunteer_activity_id,
    note: a.note,
  })),
  venueList: view.venues.map(toVenue),
});

export const toBooking = (b: BookingRow): Booking => ({
  id: b.id,
  venueId: b.venue_id,
  startsAt: b.starts_at,
  endsAt: b.ends_at,
  purpose: b.purpose,
  attendees: b.attendees,
  status: b.status,
  bookedByName: b.booked_by_name,
  cancelReason: b.cancel_reason,
});

export const toTaskForce = ({ row, regionName }: { row: TaskForceRow; regionName: string }): TaskForce => ({
  id: row.id,
  regionCode: row.region_code,
  regionName,
  name: row.name,
  kind: row.kind,
  purpose: row.purpose,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  secondedMembers: Number(row.seconded ?? 0),
  results: Number(row.results ?? 0),
});

export const toTaskForceDetail = (
  view: Awaited<ReturnType<TaskForcesService['detail']>>,
): TaskForceDetail => ({
  ...toTaskForce(view),
  secondments: view.secondments.map((s) => ({
    id: s.id,
    memberId: s.member_id,
    name: s.name,
    homeOrganizationId: s.home_organization_id,
    homeOrganizationName: s.organization_name,
    role: s.role,
    fromOn: s.from_on,
    toOn: s.to_on,
  })),
  resultList: view.results.map((r) => ({
    id: r.id,
    onDay: r.on_day,
    text: r.text,
    figures: JSON.parse(r.figures) as { label: string; value: number; unit: string }[],
  })),
});
