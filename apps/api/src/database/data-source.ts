import { DataSource, DataSourceOptions } from 'typeorm';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { AuthoringStudio1763910000000 } from './migrations/1763910000000-authoring-studio';
import { AssetDimensions1764400000000 } from './migrations/1764400000000-asset-dimensions';
import { CourseCover1764500000000 } from './migrations/1764500000000-course-cover';
import { CourseSlugHistory1764600000000 } from './migrations/1764600000000-course-slug-history';
import { FinalQuizServings1765300000000 } from './migrations/1765300000000-final-quiz-servings';
import { ReferralDirectory1765600000000 } from './migrations/1765600000000-referral-directory';
import { AccountAndMail1765500000000 } from './migrations/1765500000000-account-and-mail';
import { AuditAndSignInThrottle1765100000000 } from './migrations/1765100000000-audit-and-sign-in-throttle';
import { ENTITIES } from './entities';
import { OfflineAttemptIds1765760000000 } from './migrations/1765760000000-offline-attempt-ids';
import { CertificateSigning1765400000000 } from './migrations/1765400000000-certificate-signing';
import { CertificateSignatory1765410000000 } from './migrations/1765410000000-certificate-signatory';

export const MIGRATIONS = [
  InitialSchema1763900000000, AuthoringStudio1763910000000, AssetDimensions1764400000000, CourseCover1764500000000, CourseSlugHistory1764600000000,
  AuditAndSignInThrottle1765100000000,
  FinalQuizServings1765300000000,
  CertificateSigning1765400000000, CertificateSignatory1765410000000,
  AccountAndMail1765500000000,
  ReferralDirectory1765600000000,
  OfflineAttemptIds1765760000000,
];

export function dataSourceOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    logging: false,
    // The embedded database serialises every query; one connection avoids waiting on another's transaction.
    extra: embedded ? { max: 1 } : { max: 10 },
  };
}

export async function openDataSource(url: string, embedded: boolean): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, embedded));
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
