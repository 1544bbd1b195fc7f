import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateStatus, Language } from '@ecampus/contracts';

@Entity('certificates')
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'translation_key' }) translationKey: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ type: 'text' }) status: CertificateStatus;
  // What the certificate says is fixed when the course is completed, whatever changes later.
  @Column({ name: 'holder_name' }) holderName: string;
  @Column({ name: 'course_title' }) courseTitle: string;
  @Column({ type: 'text' }) language: Language;
  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) hours: number;
  @Column({ name: 'completed_at', type: 'timestamptz' }) completedAt: Date;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_reason', type: 'text', nullable: true }) revokedReason: string | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'replaced_by_code', type: 'text', nullable: true }) replacedByCode: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
