import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganizationKind, RegionKind } from '../../shared/organization-rules.js';
import type { Satisfaction } from '../../shared/work-orders.js';
import type { AttachmentsTables } from '../modules/attachments/attachments.tables.js';
import type { AuditLogTable, AuditTables } from '../modules/audit/audit.tables.js';
import type { AuthTables } from '../modules/auth/auth.tables.js';
import type { BulletinsTables } from '../modules/bulletins/bulletins.tables.js';
import type {
  CatalogueTables,
  HotlineTable,
  ServiceCategoryTable,
} from '../modules/catalogue/catalogue.tables.js';
import type { ClusterTables } from '../modules/cluster/cluster.tables.js';
import type { CobuildingTables } from '../modules/cobuilding/cobuilding.tables.js';
import type { CockpitTables } from '../modules/cockpit/cockpit.tables.js';
import type { CollectivesTables } from '../modules/collectives/collectives.tables.js';
import type { DeedsTables } from '../modules/deeds/deeds.tables.js';
import type { FundsTables } from '../modules/funds/funds.tables.js';
import type { IdempotencyTables } from '../modules/idempotency/idempotency.tables.js';
import type { JobsTables } from '../modules/jobs/jobs.tables.js';
import type { LoanTables } from '../modules/loans/loans.tables.js';
import type { MeetingsTables } from '../modules/meetings/meetings.tables.js';
import type {
  MemberWorkflowsTables,
  TransferTable,
} from '../modules/member-workflows/member-workflows.tables.js';
import type {
  NotificationsTables,
  NotificationTable,
} from '../modules/notifications/notifications.tables.js';
import type { Open311Tables } from '../modules/open311/open311.tables.js';
import type {
  EnterpriseTable,
  MemberTable,
  OrganizationsTables,
  OrganizationTable,
} from '../modules/organizations/organizations.tables.js';
import type { PairingsTables } from '../modules/pairings/pairings.tables.js';
import type { PointsTables } from '../modules/points/points.tables.js';
import type { PortalTables } from '../modules/portal/portal.tables.js';
import type { RegionsTables, RegionTable } from '../modules/regions/regions.tables.js';
import type {
  HouseholdTable,
  ImportJobTable,
  PersonTable,
  RegisterTables,
} from '../modules/register/register.tables.js';
import type { RelocationTables } from '../modules/relocation/relocation.tables.js';
import type { ReviewsTables } from '../modules/reviews/reviews.tables.js';
import type { StatsTables } from '../modules/stats/stats.tables.js';
import type { SurveysTables } from '../modules/surveys/surveys.tables.js';
import type { TimebankTables } from '../modules/timebank/timebank.tables.js';
import type { TrainingTables } from '../modules/training/training.tables.js';
import type { RoleAssignmentTable, UsersTables, UserTable } from '../modules/users/users.tables.js';
import type { VisitTables } from '../modules/visits/visits.tables.js';
import type { VolunteeringTables } from '../modules/volunteering/volunteering.tables.js';
import type {
  WorkOrderEventTable,
  WorkOrdersTables,
  WorkOrderTable,
} from '../modules/work-orders/work-orders.tables.js';
import type { WorklogsTables } from '../modules/worklogs/worklogs.tables.js';

export type { WorkOrderAttachmentTable } from '../modules/attachments/attachments.tables.js';
export type { AuditHeadTable, AuditLogTable } from '../modules/audit/audit.tables.js';
export type { LoginThrottleTable, SessionTable } from '../modules/auth/auth.tables.js';
export type {
  CalendarDayTable,
  DistrictCalendarDayTable,
  DistrictCategorySettingTable,
  HotlineTable,
  ServiceCategoryTable,
} from '../modules/catalogue/catalogue.tables.js';
export type {
  RegionBoundaryTable,
  RegionRollupTable,
  RollupMarkTable,
} from '../modules/cockpit/cockpit.tables.js';
export type { DeedTable } from '../modules/deeds/deeds.tables.js';
export type {
  CommendationTable,
  CommitmentRatingTable,
  CommitmentTable,
  CommitmentUpdateTable,
  CommunityRegistrationTable,
  TransferEventTable,
  TransferStatus,
  TransferTable,
} from '../modules/member-workflows/member-workflows.tables.js';
export type { NotificationTable } from '../modules/notifications/notifications.tables.js';
export type { Open311KeyTable } from '../modules/open311/open311.tables.js';
export type {
  CarePairingTable,
  EnterpriseTable,
  MemberCategory,
  MemberHistoryTable,
  MemberStatus,
  MemberTable,
  OrganizationHistoryTable,
  OrganizationTable,
  WarmGroupHouseholdTable,
} from '../modules/organizations/organizations.tables.js';
export type {
  OtpCodeTable,
  ResidentAccountTable,
  ResidentSessionTable,
} from '../modules/portal/portal.tables.js';
export type { RegionTable } from '../modules/regions/regions.tables.js';
export type {
  HealthRecordTable,
  HouseholdTable,
  ImportJobStatus,
  ImportJobTable,
  PersonStatus,
  PersonTable,
  PersonTagTable,
  ResidenceMoveTable,
  TagTable,
} from '../modules/register/register.tables.js';
export type { RegionStatsTable } from '../modules/stats/stats.tables.js';
export type { RoleAssignmentTable, UserTable } from '../modules/users/users.tables.js';
export type {
  WorkOrderEventTable,
  WorkOrderNumberTable,
  WorkOrderTable,
} from '../modules/work-orders/work-orders.tables.js';
export type { OrganizationKind, RegionKind, Satisfaction };

/*
 * The database, one interface per table. Each module owns the row types of its tables
 * (`<module>.tables.ts`, next to the repositories that query them); this file combines them and keeps
 * the row aliases shared across modules. Timestamps are ISO-8601 UTC strings on both dialects
 * (PostgreSQL stores timestamptz; the pool parses it back to the same string form).
 * db/table-types.test.ts compares `DB` with the schema the migrations build, on both databases.
 */
export interface DB
  extends RegionsTables,
    UsersTables,
    AuthTables,
    AuditTables,
    RegisterTables,
    OrganizationsTables,
    MemberWorkflowsTables,
    StatsTables,
    CockpitTables,
    CatalogueTables,
    PortalTables,
    WorkOrdersTables,
    AttachmentsTables,
    NotificationsTables,
    DeedsTables,
    Open311Tables,
    VisitTables,
    TimebankTables,
    VolunteeringTables,
    IdempotencyTables,
    JobsTables,
    LoanTables,
    FundsTables,
    PairingsTables,
    CollectivesTables,
    ClusterTables,
    TrainingTables,
    RelocationTables,
    MeetingsTables,
    SurveysTables,
    ReviewsTables,
    PointsTables,
    BulletinsTables,
    WorklogsTables,
    CobuildingTables {}

export type Region = Selectable<RegionTable>;
export type NewRegion = Insertable<RegionTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type Household = Selectable<HouseholdTable>;
export type Person = Selectable<PersonTable>;
export type ImportJob = Selectable<ImportJobTable>;
export type Enterprise = Selectable<EnterpriseTable>;
export type Organization = Selectable<OrganizationTable>;
export type Member = Selectable<MemberTable>;
export type Transfer = Selectable<TransferTable>;
export type ServiceCategory = Selectable<ServiceCategoryTable>;
export type WorkOrder = Selectable<WorkOrderTable>;
export type WorkOrderEvent = Selectable<WorkOrderEventTable>;
export type Hotline = Selectable<HotlineTable>;
export type Notification = Selectable<NotificationTable>;
