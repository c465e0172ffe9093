import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { beijingDate, endOfBeijingDate, startOfBeijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { reportFont } from '../cockpit/index.js';
import { maskedContact } from '../register/index.js';
import { renderCertificate } from './certificate-pdf.js';
import { type CertificateView, certificatesRepository } from './certificates.repository.js';
import { signupsRepository } from './signups.repository.js';
import { type VolunteerSelf, volunteersOf } from './volunteer-self.js';
import { volunteersRepository } from './volunteers.repository.js';

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 张三丰 → 张**: the surname stays, the rest is hidden (what the public page may show). */
export const initialMasked = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/**
 * Service certificates (志愿服务证明): issued for a period over the volunteer's confirmed service,
 * with a serial that cannot be guessed (district, date, six random characters), rendered as a PDF,
 * and confirmed on a public page that shows only the masked name, hours, organization and date.
 */
export class CertificatesService {
  constructor(private readonly ctx: ServiceContext) {}

  async issue(
    scope: Scope,
    volunteerId: string,
    input: { from: string; to: string; content?: string | undefined },
    actor: AuditActor,
  ): Promise<CertificateView> {
    if (input.to < input.from) throw fieldError('to', 'volunteer.period_order');
    const { db } = this.ctx.database;
    const id = await db.transaction().execute(async (trx) => {
      const volunteer = await volunteersRepository.findInScope(trx, scope, volunteerId);
      if (!volunteer) throw notFound('volunteer.not_found');
      const services = await signupsRepository.confirmedBetween(
        trx,
        volunteer.id,
        startOfBeijingDate(input.from),
        endOfBeijingDate(input.to),
      );
      if (services.length === 0) throw conflict('volunteer.no_service');
      const minutes = services.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
      // The issuer's words when given; else what the services were (area and title, at most twelve).
      const content =
        input.content || [...new Set(services.map((s) => `${s.area}：${s.title}`))].slice(0, 12).join('；');
      const issuedOn = beijingDate(this.ctx.now());
      let suffix = '';
      for (let i = 0; i < 6; i += 1) suffix += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
      const serial = `ZY-${volunteer.district_code}-${issuedOn.replaceAll('-', '')}-${suffix}`;
      const certificateId = uuidv7();
      await certificatesRepository.insert(trx, {
        id: certificateId,
        district_code: volunteer.district_code,
        region_code: volunteer.region_code,
        serial,
        volunteer_id: volunteer.id,
        team_id: volunteer.team_id,
        minutes,
        services: services.length,
        content,
        period_from: input.from,
        period_to: input.to,
        issued_on: issuedOn,
        issued_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.certificate_issued',
        targetType: 'volunteer_certificate',
        targetId: certificateId,
        regionCode: volunteer.region_code,
        summary: { volunteerId: volunteer.id, serial, minutes },
      });
      return certificateId;
    });
    return (await certificatesRepository.viewUnscoped(db, id))!;
  }

  /** The PDF of a certificate in scope (staff). */
  async pdfInScope(scope: Scope, id: string): Promise<{ serial: string; pdf: Buffer }> {
    const found = await certificatesRepository.findInScope(this.ctx.database.db, scope, id);
    if (!found) throw notFound('volunteer.certificate_not_found');
    return this.pdf(found);
  }

  /** The PDF of one of the caller's own certificates (a member's or a resident's). */
  async ownPdf(self: VolunteerSelf, id: string): Promise<{ serial: string; pdf: Buffer }> {
    const { db } = this.ctx.database;
    const mine = await volunteersOf(db, self);
    const found = await certificatesRepository.viewUnscoped(db, id);
    if (!found || !mine.some((v) => v.id === found.volunteer_id))
      throw notFound('volunteer.certificate_not_found');
    return this.pdf(found);
  }

  private async pdf(certificate: CertificateView): Promise<{ serial: string; pdf: Buffer }> {
    const font = reportFont(this.ctx.config.pdfFont);
    const volunteer = (await volunteersRepository.viewUnscoped(
      this.ctx.database.db,
      certificate.volunteer_id,
    ))!;
    const contact = maskedContact(this.ctx.crypto, {
      id_number_enc: volunteer.id_number_enc,
      phone_enc: null,
      status: volunteer.person_status,
    });
    const pdf = await renderCertificate(
      {
        serial: certificate.serial,
        name: volunteer.person_status === 'anonymized' ? initialMasked(volunteer.name) : volunteer.name,
        idNumber: contact.idNumber,
        hours: Math.round((certificate.minutes / 60) * 10) / 10,
        services: certificate.services,
        content: certificate.content,
        periodFrom: certificate.period_from,
        periodTo: certificate.period_to,
        organization: certificate.team_name,
        issuedOn: certificate.issued_on,
        verifyUrl: '/verify',
      },
      font,
    );
    return { serial: certificate.serial, pdf };
  }

  /** The public check of a serial: nothing beyond the masked name, hours, organization and date. */
  async verify(serial: string) {
    const found = await certificatesRepository.bySerialUnscoped(this.ctx.database.db, serial);
    if (!found) throw notFound('volunteer.certificate_not_found');
    return {
      serial: found.serial,
      name: initialMasked(found.name),
      hours: Math.round((found.minutes / 60) * 10) / 10,
      organization: found.team_name,
      issuedOn: found.issued_on,
    };
  }
}
