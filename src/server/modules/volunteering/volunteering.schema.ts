import type {
  Activity,
  Certificate,
  MyVolunteering,
  Signup,
  Volunteer,
  VolunteerRecord,
} from '../../../shared/api/volunteering.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { maskedContact } from '../register/index.js';
import type { ActivityView, ShiftView } from './activities.repository.js';
import type { CertificateView } from './certificates.repository.js';
import type { MyVolunteeringService } from './my-volunteering.service.js';
import type { ServiceView, SignupRow, SignupView } from './signups.repository.js';
import type { VolunteerView } from './volunteers.repository.js';
import type { VolunteerRecordView } from './volunteers.service.js';

/** Row → DTO mappers of the volunteering API (shapes in src/shared/api/volunteering.ts). */

const skillsOf = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
};

export const toVolunteerDto = (crypto: FieldCrypto, v: VolunteerView): Volunteer => {
  const contact = maskedContact(crypto, {
    id_number_enc: v.id_number_enc,
    phone_enc: v.phone_enc,
    status: v.person_status,
  });
  return {
    id: v.id,
    teamId: v.team_id,
    teamName: v.team_name,
    personId: v.person_id,
    memberId: v.member_id,
    name: v.name,
    gender: v.gender,
    idNumber: contact.idNumber,
    phone: contact.phone,
    skills: skillsOf(v.skills),
    status: v.status,
    joinedOn: v.joined_on,
    confirmedMinutes: v.confirmed_minutes,
    services: v.services,
    noShows: v.no_shows,
  };
};

export const toServiceDto = (s: ServiceView) => ({
  signupId: s.id,
  activityId: s.activity_id,
  shiftId: s.shift_id,
  activityTitle: s.activity_title,
  area: s.area,
  role: s.role,
  startsAt: s.starts_at,
  endsAt: s.ends_at,
  status: s.status,
  waitlistPosition: s.waitlist_position,
  minutes: s.minutes,
  confirmed: s.confirmed_at !== null,
  noShow: s.no_show === 1,
  rating: s.rating,
  remark: s.remark,
});

export const toCertificateDto = (c: CertificateView): Certificate => ({
  id: c.id,
  serial: c.serial,
  volunteerId: c.volunteer_id,
  teamName: c.team_name,
  minutes: c.minutes,
  services: c.services,
  content: c.content,
  periodFrom: c.period_from,
  periodTo: c.period_to,
  issuedOn: c.issued_on,
});

export const toRecordDto = (crypto: FieldCrypto, r: VolunteerRecordView): VolunteerRecord => {
  const rated = r.services.filter((s) => s.rating !== null);
  return {
    volunteer: toVolunteerDto(crypto, r.volunteer),
    trainings: r.entries
      .filter((e) => e.kind === 'training')
      .map((e) => ({ id: e.id, kind: e.kind, title: e.title, onDate: e.on_date })),
    honours: r.entries
      .filter((e) => e.kind === 'honour')
      .map((e) => ({ id: e.id, kind: e.kind, title: e.title, onDate: e.on_date })),
    services: r.services.map(toServiceDto),
    certificates: r.certificates.map(toCertificateDto),
    averageRating:
      rated.length === 0
        ? null
        : Math.round((rated.reduce((sum, s) => sum + (s.rating ?? 0), 0) / rated.length) * 10) / 10,
  };
};

export const toActivityDto = (a: ActivityView, shifts: readonly ShiftView[]): Activity => ({
  id: a.id,
  teamId: a.team_id,
  teamName: a.team_name,
  regionCode: a.region_code,
  area: a.area,
  title: a.title,
  description: a.description,
  place: a.place,
  signupMode: a.signup_mode,
  cancelCutoffHours: a.cancel_cutoff_hours,
  workOrderId: a.work_order_id,
  status: a.status,
  startsAt: a.starts_at,
  endsAt: a.ends_at,
  noShows: a.no_shows,
  shifts: shifts
    .filter((s) => s.activity_id === a.id)
    .map((s) => ({
      id: s.id,
      role: s.role,
      needed: s.needed,
      skills: skillsOf(s.skills),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      confirmed: s.confirmed,
      pending: s.pending,
      waitlisted: s.waitlisted,
    })),
});

/** A sign-up; its place on the waiting list counted among the shift's waiting sign-ups given. */
export const toSignupDto = (
  s: SignupRow & { volunteer_name?: string },
  all: readonly SignupRow[] = [],
): Signup => {
  const waiting = all.filter((o) => o.shift_id === s.shift_id && o.status === 'waitlisted');
  const position = s.status === 'waitlisted' ? waiting.findIndex((o) => o.id === s.id) + 1 : 0;
  return {
    id: s.id,
    shiftId: s.shift_id,
    volunteerId: s.volunteer_id,
    volunteerName: s.volunteer_name ?? '',
    status: s.status,
    waitlistPosition: position > 0 ? position : null,
    walkIn: s.walk_in === 1,
    checkedInAt: s.checked_in_at,
    checkedOutAt: s.checked_out_at,
    noShow: s.no_show === 1,
    minutes: s.minutes,
    confirmed: s.confirmed_at !== null,
  };
};

export const toSignupListDto = (signups: readonly SignupView[]) =>
  signups.map((s) => toSignupDto(s, signups));

/** One's own volunteering page (a member's `/api/me/…` or a resident's `/api/portal/me/…`). */
export const toMyVolunteeringDto = (
  crypto: FieldCrypto,
  mine: Awaited<ReturnType<MyVolunteeringService['mine']>>,
): MyVolunteering => ({
  volunteers: mine.volunteers.map((v) => toVolunteerDto(crypto, v)),
  services: mine.services.map(toServiceDto),
  certificates: mine.certificates.map(toCertificateDto),
  confirmedMinutes: mine.volunteers.reduce((sum, v) => sum + v.confirmed_minutes, 0),
  openActivities: mine.activities.map((a) => toActivityDto(a, mine.shifts)),
});
