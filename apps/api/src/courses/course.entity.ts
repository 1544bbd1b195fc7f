import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CourseCover, CourseDocument, Language } from '@ecampus/contracts';

@Entity('courses')
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() slug: string;
  @Column({ name: 'translation_key' }) translationKey: string;
  @Column({ type: 'text' }) language: Language;
  /** The authors' working copy; learners never see it until it is published. */
  @Column({ type: 'jsonb' }) draft: CourseDocument;
  @Column({ name: 'published_version_id', type: 'uuid', nullable: true }) publishedVersionId: string | null;
  // Catalogue columns, copied from the published version.
  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'jsonb' }) topics: string[];
  @Column({ name: 'estimated_minutes', type: 'int', nullable: true }) estimatedMinutes: number | null;
  @Column({ name: 'module_count', type: 'int', nullable: true }) moduleCount: number | null;
  /** The published version's cover picture ({image, alt}); its size comes from course_assets. */
  @Column({ type: 'jsonb', nullable: true }) cover: CourseCover | null;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId: string | null;
  /** Hash of the files a course was last imported from, so re-imports of unchanged files do nothing. */
  @Column({ name: 'source_hash', type: 'text', nullable: true }) sourceHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('course_versions')
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ type: 'int' }) number: number;
  /** Immutable once written: ids and keys on every module, item, question and option. */
  @Column({ type: 'jsonb' }) document: CourseDocument;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  /** Minutes computed from the content at publish (estimateMinutes); null for versions published before it existed. */
  @Column({ name: 'computed_minutes', type: 'int', nullable: true }) computedMinutes: number | null;
}
