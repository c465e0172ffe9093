import type { Permission } from '../../auth/permissions.js';

/** The shapes of the authorization matrix's rows (see ../authorization-matrix.ts). */

/** Who may call a route, as the route declares it (`config.permission`, or `public` for `config.public`). */
export type MatrixAccess = Permission | 'authenticated' | 'resident' | 'public';

/**
 * The kind of record a route's path names. `none`: a collection, a form or the caller's own data;
 * `global`: an installation-wide setting (catalogue, calendar) only the installation's district
 * admins may change, or a district's own one (`/api/districts/:district/…`) only admins over that
 * whole district may change; `own_*` and `resident_*`: a record found through the caller (their
 * notification, their own member record or commitment, a resident's portal request or own
 * volunteering sign-up or certificate), where
 * "inside" means the caller's own and "outside" somebody else's.
 */
export type TargetKind =
  | 'none'
  | 'global'
  | 'region'
  | 'person'
  | 'household'
  | 'user'
  | 'import_job'
  | 'organization'
  | 'member'
  | 'registration'
  | 'transfer'
  | 'commitment'
  | 'work_order'
  | 'attachment'
  | 'hotline'
  | 'open311_key'
  | 'own_notification'
  | 'own_member'
  | 'own_commitment'
  | 'resident_request'
  | 'visit_campaign'
  | 'visit'
  | 'visit_need'
  | 'visit_change_request'
  | 'timebank_account'
  | 'timebank_transfer'
  | 'timebank_post'
  | 'timebank_item'
  | 'volunteer'
  | 'volunteer_activity'
  | 'volunteer_signup'
  | 'volunteer_certificate'
  | 'own_volunteer_signup'
  | 'own_volunteer_certificate'
  | 'resident_volunteer_signup'
  | 'resident_volunteer_certificate'
  | 'job'
  | 'job_seeker'
  | 'job_recommendation'
  | 'own_job_recommendation'
  | 'loan_application'
  | 'fund_voucher'
  | 'pairing'
  | 'collective'
  | 'dividend_run'
  | 'training_course'
  | 'training_session'
  | 'training_enrollment'
  | 'resident_training_enrollment'
  | 'relocation_case'
  | 'resettlement_community'
  | 'meeting'
  | 'meeting_task'
  | 'survey'
  | 'survey_sample'
  | 'review_round'
  | 'review_unit'
  | 'bulletin_post'
  | 'study_course'
  | 'work_log'
  | 'own_work_log'
  | 'contact_point'
  | 'own_contact_point'
  | 'project'
  | 'cobuilding_unit'
  | 'venue'
  | 'venue_booking'
  | 'task_force'
  | 'job_fair';

/**
 * Records a body may name, all in one community: the caller's own (inside) for bodies that only
 * need to be valid, or another community's (outside) for routes whose body says where to act.
 */
export interface SampleIds {
  /** A grid of the community. */
  region: string;
  /** A member of the branch, with no open transfer. */
  member: string;
  /** A resident who is no member. */
  person: string;
  household: string;
  /** A warm group (暖心小组) holding `household`. */
  organization: string;
  /** The community's party branch, and a second one to transfer to. */
  branch: string;
  otherBranch: string;
  /** Two time-bank accounts of residents, with minutes to move. */
  account: string;
  otherAccount: string;
  /** Volunteering: the community's volunteer team, a volunteer of it, and a shift of its activity. */
  volunteerTeam?: string;
  volunteer?: string;
  volunteerShift?: string;
  /** The job service: an enterprise, its job, a registered seeker, an enterprise-contact account. */
  enterprise?: string;
  job?: string;
  jobSeeker?: string;
  contactAccount?: string;
}

export interface MatrixRow {
  access: MatrixAccess;
  target: TargetKind;
  /**
   * A minimal valid body, so that a mutation gets past validation to its scope check (validation
   * runs after the permission check but before the service looks the record up).
   */
  body?: (ids: SampleIds) => unknown;
  /**
   * For routes open to every signed-in staff member whose service then checks a permission's
   * scope (work orders): only roles holding this permission can see the record at all.
   */
  scopePermission?: Permission;
  /** The request ends the caller's own session or password: send it with a throwaway session. */
  selfAffecting?: true;
  /** The request uses its record up (anonymizes it): each role gets a fresh record inside its scope. */
  consumes?: true;
  /**
   * The record the route acts on is named in its body (a create) or its query (a list narrowed
   * to a region), not its path: the outside check sends another community's ids there, and
   * expects 404 with nothing written.
   */
  scopedBy?: 'body' | { query: string; also?: string };
  /**
   * A list that deliberately shows every such record of the caller's district(s), not only of
   * their subtree (why, in a comment on the row): the test's "lists nothing of another community"
   * check, whose other community lies in the same district, leaves it out.
   */
  listsWholeDistrict?: true;
  /** The route takes a file upload: the test sends a small PNG as multipart/form-data. */
  upload?: true;
}

/** One module's rows, keyed `METHOD /path` exactly as the app registers the route. */
export type MatrixRows = Record<string, MatrixRow>;
