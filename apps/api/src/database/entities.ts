import { CertificateEntity } from '../certificates/certificate.entity';
import { CourseEntity, CourseVersionEntity } from '../courses/course.entity';
import { EnrollmentEntity } from '../learning/enrollment.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [UserEntity, CourseEntity, CourseVersionEntity, EnrollmentEntity, CertificateEntity];
