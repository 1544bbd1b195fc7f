import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EnrollmentStatus } from '@ecampus/contracts';

/** One per learner and course; a course's translations share it (progress is kept by item key). */
@Entity('enrollments')
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'translation_key' }) translationKey: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ type: 'text' }) status: EnrollmentStatus;
  @Column({ name: 'enrolled_at', type: 'timestamptz' }) enrolledAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
