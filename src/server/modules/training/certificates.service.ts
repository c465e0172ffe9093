import type { Scope } from '../../auth/scope.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { reportFont } from '../cockpit/index.js';
import { maskedContact } from '../register/index.js';
import { attendanceShare } from './attendance-rules.js';
import { renderTrainingCertificate } from './certificate-pdf.js';
import { coursesRepository } from './courses.repository.js';
import { type EnrollmentView, enrollmentsRepository } from './enrollments.repository.js';
import { courseFacts, skillsOf } from './training.present.js';
import type { TraineeSelf } from './training-self.js';

/** Where a certificate's serial is checked (the web's public page). */
export const VERIFY_PATH = '/verify-training';

/** 张三丰 → 张**: the surname stays, the rest is hidden (what the public page may show). */
export const initialMasked = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/** Completion certificates: the PDF for staff in scope or the trainee, and the public check of a serial. */
export class TrainingCertificatesService {
  constructor(private readonly ctx: ServiceContext) {}

  async pdfInScope(scope: Scope, enrollmentId: string) {
    const { db } = this.ctx.database;
    if (!(await enrollmentsRepository.findInScope(db, scope, enrollmentId)))
      throw notFound('training.enrollment_not_found');
    return this.pdf((await enrollmentsRepository.viewUnscoped(db, enrollmentId))!);
  }

  async ownPdf(self: TraineeSelf, enrollmentId: string) {
    const found = await enrollmentsRepository.viewUnscoped(this.ctx.database.db, enrollmentId);
    if (!found || found.person_id !== self.personId) throw notFound('training.enrollment_not_found');
    return this.pdf(found);
  }

  private async pdf(e: EnrollmentView): Promise<{ serial: string; pdf: Buffer }> {
    if (e.status !== 'completed' || !e.certificate_serial) throw conflict('training.not_completed');
    const { db } = this.ctx.database;
    const course = (await coursesRepository.viewUnscoped(db, e.course_id))!;
    const facts = await courseFacts(db, e.course_id);
    const share = attendanceShare(facts.sessions, facts.marks.get(e.id) ?? new Map(), e.placed_at, 'all');
    const contact = maskedContact(this.ctx.crypto, {
      id_number_enc: e.id_number_enc,
      phone_enc: null,
      status: e.person_status,
    });
    const pdf = await renderTrainingCertificate(
      {
        serial: e.certificate_serial,
        name: e.person_status === 'anonymized' ? initialMasked(e.name) : e.name,
        idNumber: contact.idNumber,
        course: course.title,
        sessions: share.counted,
        attended: share.attended,
        completedOn: e.completed_on ?? '',
        skills: skillsOf(course),
        verifyUrl: VERIFY_PATH,
      },
      reportFont(this.ctx.config.pdfFont),
    );
    return { serial: e.certificate_serial, pdf };
  }

  /** The public check: nothing beyond the masked name, the course and the date. */
  async verify(serial: string) {
    const found = await enrollmentsRepository.bySerialUnscoped(this.ctx.database.db, serial.toUpperCase());
    if (!found?.certificate_serial) throw notFound('training.certificate_not_found');
    return {
      serial: found.certificate_serial,
      name: initialMasked(found.name),
      course: found.course_title,
      completedOn: found.completed_on ?? '',
    };
  }
}
