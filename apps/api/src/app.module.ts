import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { PolicyGuard } from './auth/policies';
import { SignInService } from './auth/sign-in.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { CertificateIssuer } from './certificates/certificate-issuer';
import {
  BullCertificateQueue, CertificateQueue, CertificateSweeper, CertificateWorker, InProcessCertificateQueue,
} from './certificates/certificate-queue';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { SigningKeysService } from './certificates/signing-keys.service';
import { CertificateSettingsController, CertificateSettingsService } from './certificates/certificate-settings';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AuthoringController } from './courses/authoring.controller';
import { CourseAssetsController, CourseAssetsService } from './courses/course-assets';
import { CourseTransferController, CourseTransferService } from './courses/course-transfer';
import { UsersAdminController } from './users/users-admin.controller';
import { PreviewController } from './courses/preview.controller';
import { AuthoringService } from './courses/authoring.service';
import { CourseImportService } from './courses/course-import.service';
import { CoursesController } from './courses/courses.controller';
import { CoursesService } from './courses/courses.service';
import { DirectoryAdminController, DirectoryController } from './directory/directory.controller';
import { DirectoryService } from './directory/directory.service';
import { HealthController } from './health/health.controller';
import { LearningController } from './learning/learning.controller';
import { LearningService } from './learning/learning.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { UsersService } from './users/users.service';
import { AccountController } from './account/account.controller';
import { AccountService } from './account/account.service';
import { BullMailQueue, InProcessMailQueue, MailDelivery, MailQueue, MailService, MailSweeper, MailWorker } from './mail/mail.service';

export interface ModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  /** Run the BullMQ worker in this process too (npm start with REDIS_URL, or the worker entry point). */
  worker: boolean;
  /** Serve HTTP routes (false for the worker-only process). */
  http: boolean;
}

function database(options: ModuleOptions) {
  return TypeOrmModule.forRootAsync({
    useFactory: () => options.dataSource.options,
    dataSourceFactory: async () => options.dataSource,
  });
}

function queueProviders({ config, worker }: ModuleOptions): Provider[] {
  const providers: Provider[] = [CertificateIssuer, CertificateSweeper];
  if (config.redisUrl) {
    providers.push({ provide: CertificateQueue, useClass: BullCertificateQueue });
    if (worker) providers.push(CertificateWorker);
  } else {
    providers.push({ provide: CertificateQueue, useClass: InProcessCertificateQueue });
  }
  // Mail: the same choice as certificates; the service is shared because the worker writes "certificate issued".
  providers.push(MailDelivery, MailService, MailSweeper);
  if (config.redisUrl) {
    providers.push({ provide: MailQueue, useClass: BullMailQueue });
    if (worker) providers.push(MailWorker);
  } else {
    providers.push({ provide: MailQueue, useClass: InProcessMailQueue });
  }
  return providers;
}

@Module({})
export class AppModule {
  static register(options: ModuleOptions): DynamicModule {
    const shared: Provider[] = [{ provide: APP_CONFIG, useValue: options.config }, SigningKeysService, CertificateSettingsService, ...queueProviders(options)];
    if (!options.http) return { module: AppModule, imports: [database(options)], providers: shared };
    return {
      module: AppModule,
      imports: [database(options)],
      controllers: [
        HealthController, AuthController, CoursesController, LearningController, CertificatesController,
        AuthoringController, CourseTransferController, CourseAssetsController, ReportsController, UsersAdminController, PreviewController,
        DirectoryController, DirectoryAdminController, CertificateSettingsController, AccountController, AuditController,
      ],
      providers: [
        ...shared, UsersService, AuthGuard, CoursesService, CourseImportService, LearningService, CertificatesService,
        AuthoringService, CourseAssetsService, CourseTransferService, ReportsService, DirectoryService,
        AccountService, PolicyGuard, SignInService, AuditService,
      ],
      exports: [UsersService, CourseImportService],
    };
  }
}
