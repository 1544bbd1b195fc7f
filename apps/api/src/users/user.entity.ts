import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InstitutionType, Language, Role } from '@ecampus/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() email: string;
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  @Column() name: string;
  @Column({ type: 'text' }) role: Role;
  @Column() country: string;
  @Column() institution: string;
  @Column({ name: 'institution_type', type: 'text' }) institutionType: InstitutionType;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ type: 'text', nullable: true }) gender: string | null;
  @Column({ type: 'text' }) language: Language;
  @Column() active: boolean;
  @Column({ name: 'reminders_enabled', default: true }) remindersEnabled: boolean;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
